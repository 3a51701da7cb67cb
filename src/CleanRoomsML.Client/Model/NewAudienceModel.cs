using System;
using System.Collections.Generic;
using CleanRoomsML.Client.Constraints;

namespace CleanRoomsML.Client.Model;

/// <summary>The input of CreateAudienceModel. Optional members left null are not sent.</summary>
public sealed class NewAudienceModel
{
    public NewAudienceModel(string name, string trainingDatasetArn)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        TrainingDatasetArn = trainingDatasetArn ?? throw new ArgumentNullException(nameof(trainingDatasetArn));
    }

    public string Name { get; }

    public string TrainingDatasetArn { get; }

    public string? Description { get; init; }

    public string? KmsKeyArn { get; init; }

    /// <summary>Tags, keys compared ordinally (the service's keys are case-sensitive).</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Start of the training window; sent as ISO-8601 UTC.</summary>
    public DateTime? TrainingDataStartTime { get; init; }

    public DateTime? TrainingDataEndTime { get; init; }

    /// <summary>Every rule of the service this input breaks; empty when it can be sent.</summary>
    public IReadOnlyList<ConstraintViolation> Validate()
    {
        var violations = new ViolationList();
        violations.Check(ServiceConstraints.Name, Name);
        violations.Check(ServiceConstraints.TrainingDatasetArn, TrainingDatasetArn);
        violations.Check(ServiceConstraints.Description, Description);
        violations.Check(ServiceConstraints.KmsKeyArn, KmsKeyArn);
        if (Tags is not null) violations.AddRange(ServiceConstraints.CheckTags(Tags));
        violations.AddIfAny(ServiceConstraints.CheckTrainingWindow(TrainingDataStartTime, TrainingDataEndTime));
        return violations;
    }
}
