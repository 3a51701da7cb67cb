using System;

namespace CleanRoomsML.Client.Model;

/// <summary>The statuses of an audience model, and what they mean for the service's rules.</summary>
public static class AudienceModelStatus
{
    public const string CreatePending = "CREATE_PENDING";
    public const string CreateInProgress = "CREATE_IN_PROGRESS";
    public const string CreateFailed = "CREATE_FAILED";
    public const string Active = "ACTIVE";

    /// <summary>
    /// Whether a model in this status takes one of the region's training slots (the quota "Pending or
    /// in-progress audience models per customer").
    /// </summary>
    public static bool IsTraining(string status) => status is CreatePending or CreateInProgress;

    /// <summary>Whether a model in this status still stands for its definition: it neither failed nor is being deleted.</summary>
    public static bool IsLive(string status) => status != CreateFailed && !status.StartsWith("DELETE_", StringComparison.Ordinal);
}
