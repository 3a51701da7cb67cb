using CleanRoomsML.Emulator.Protocol;

namespace CleanRoomsML.Emulator.State;

/// <summary>
/// The per-region limits of CreateAudienceModel; null lifts one. They are checked in this order: first the
/// total number of models, then the models still training (CREATE_PENDING or CREATE_IN_PROGRESS), the real
/// service's quota "Pending or in-progress audience models per customer".
/// </summary>
public sealed record AudienceModelQuotas(int? MaxModels, int? MaxInTraining)
{
    public const string MaxModelsName = "Maximum number of audience models";
    public const string MaxInTrainingName = "Pending or in-progress audience models per customer";

    /// <summary>Throws 402 ServiceQuotaExceededException when the region cannot take one more model at <paramref name="utcNow"/>.</summary>
    /// <remarks>The region's models are counted only for a quota in force: with none, a create costs nothing more.</remarks>
    public void CheckRoom(string region, IEnumerable<AudienceModel> modelsInRegion, DateTime utcNow)
    {
        if (MaxModels is { } max && modelsInRegion.Count() >= max)
        {
            throw ServiceException.QuotaExceeded(
                $"You have reached the quota of {max} audience models in {region}. Delete an audience model or ask for a higher quota.",
                MaxModelsName, max);
        }
        if (MaxInTraining is { } maxTraining && modelsInRegion.Count(m => AudienceModelLifecycle.IsTraining(m, utcNow)) >= maxTraining)
        {
            throw ServiceException.QuotaExceeded(
                $"You have reached the quota of {maxTraining} pending or in-progress audience models in {region}. Wait until a model finishes training, or request a quota increase.",
                MaxInTrainingName, maxTraining);
        }
    }
}
