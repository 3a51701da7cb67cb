using System;
using System.Collections.Generic;
using System.Linq;
using CleanRoomsML.Client.Model;
using CleanRoomsML.PowerShell.Output;
using CleanRoomsML.PowerShell.Scheduling;

namespace CleanRoomsML.PowerShell.Capacity;

/// <summary>
/// What -SkipExisting knows of one region's models: those listed before the first create, and those the run
/// creates or has in flight. Listings carry no tags, KMS key or training window, so a model is the same as a
/// row when its name (exact, case-sensitive) and training dataset are.
/// </summary>
internal sealed class ExistingModels
{
    private readonly Dictionary<string, List<Known>> _byName = new(StringComparer.Ordinal);

    public ExistingModels(IEnumerable<AudienceModelDetails> listed, string region)
    {
        // A model that failed or is being deleted does not stand for the row: the row is created again.
        foreach (AudienceModelDetails model in listed.Where(m => AudienceModelStatus.IsLive(m.Status)))
        {
            Add(model.Name, new Known(model.TrainingDatasetArn, AudienceModelMapper.FromSummary(model, region), Row: null));
        }
    }

    /// <summary>Remembers a row of this run that creates a model.</summary>
    public void Remember(string name, string trainingDatasetArn, ScheduledRow row) => Add(name, new Known(trainingDatasetArn, Model: null, row));

    /// <summary>What a row with this name and dataset meets in the region.</summary>
    public Match Find(string name, string trainingDatasetArn)
    {
        if (!_byName.TryGetValue(name, out List<Known>? known)) return new Match.Absent();
        List<Known> live = known.Where(k => k.Row is null || !k.Row.Failed).ToList();
        if (live.FirstOrDefault(k => k.TrainingDatasetArn == trainingDatasetArn) is { } same)
        {
            if (same.Model is not null) return new Match.Exists(same.Model);
            return same.Row!.Succeeded ? new Match.Exists((AudienceModel)same.Row.Result!) : new Match.InFlight(same.Row);
        }
        if (live.FirstOrDefault() is { } other)
        {
            string? arn = other.Model?.AudienceModelArn ?? (other.Row?.Result as AudienceModel)?.AudienceModelArn;
            return new Match.NameTaken(other.TrainingDatasetArn, arn);
        }
        return new Match.Absent();
    }

    private void Add(string name, Known known)
    {
        if (!_byName.TryGetValue(name, out List<Known>? list)) _byName[name] = list = new List<Known>();
        list.Add(known);
    }

    /// <summary>A model known by name: listed (Model), or created by a row of this run (Row; Model once it succeeded).</summary>
    private sealed record Known(string TrainingDatasetArn, AudienceModel? Model, ScheduledRow? Row);
}

/// <summary>What a row meets among a region's models.</summary>
internal abstract record Match
{
    /// <summary>No model stands for the row: send it.</summary>
    public sealed record Absent : Match;

    /// <summary>The model exists on the same training dataset (listed, or created earlier in this run).</summary>
    public sealed record Exists(AudienceModel Model) : Match;

    /// <summary>An earlier row of this run creates the same model and is not answered yet.</summary>
    public sealed record InFlight(ScheduledRow Leader) : Match;

    /// <summary>The name is taken by a model on another training dataset (its ARN unknown while it is being created).</summary>
    public sealed record NameTaken(string TrainingDatasetArn, string? AudienceModelArn) : Match;
}
