using System;
using System.Collections.Generic;

namespace CleanRoomsML.Client.Constraints;

/// <summary>
/// Every constraint of the Clean Rooms ML model that this module sends, written once. The PowerShell
/// validation attributes, the client's own checks and the emulator all use these.
/// </summary>
public static class ServiceConstraints
{
    private const string ArnPartition = "arn:aws[-a-z]*";
    private const string ArnRegionAccount = "[-a-z0-9]+:[0-9]{12}";
    private const string ResourceId = "[-a-zA-Z0-9_/.]+";
    private const string GlueName = "[a-zA-Z0-9_](([a-zA-Z0-9_ ]+-)*([a-zA-Z0-9_ ]+))?";

    public static readonly TextConstraint Name = new(
        "name", "name", 1, 63,
        @"(?!\s*$)[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDBFF-\uDC00\uDFFF\t]*",
        "printable text that is not blank (tab allowed, no line breaks)");

    public static readonly TextConstraint Description = new(
        "description", "description", 0, 255,
        @"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDBFF-\uDC00\uDFFF\t\r\n]*",
        "printable text (tab and line breaks allowed)");

    public static readonly TextConstraint TrainingDatasetArn = new(
        "trainingDatasetArn", "training dataset ARN", 20, 2048,
        $"{ArnPartition}:cleanrooms-ml:{ArnRegionAccount}:training-dataset/{ResourceId}",
        "arn:aws:cleanrooms-ml:<region>:<12-digit account id>:training-dataset/<id>");

    public static readonly TextConstraint AudienceModelArn = new(
        "audienceModelArn", "audience model ARN", 20, 2048,
        $"{ArnPartition}:cleanrooms-ml:{ArnRegionAccount}:audience-model/{ResourceId}",
        "arn:aws:cleanrooms-ml:<region>:<12-digit account id>:audience-model/<id>");

    public static readonly TextConstraint KmsKeyArn = new(
        "kmsKeyArn", "KMS key ARN", 20, 2048,
        $"{ArnPartition}:kms:{ArnRegionAccount}:key/.+",
        "arn:aws:kms:<region>:<12-digit account id>:key/<key id>");

    public static readonly TextConstraint RoleArn = new(
        "roleArn", "IAM role ARN", 20, 2048,
        $"{ArnPartition}:iam::[0-9]{{12}}:role/.+",
        "arn:aws:iam::<12-digit account id>:role/<role name>");

    public static readonly TextConstraint TaggableArn = new(
        "resourceArn", "taggable Clean Rooms ML ARN", 20, 2048,
        $"{ArnPartition}:cleanrooms-ml:{ArnRegionAccount}:(training-dataset|audience-model|configured-audience-model|audience-generation-job)/{ResourceId}",
        "arn:aws:cleanrooms-ml:<region>:<12-digit account id>:<training-dataset|audience-model|configured-audience-model|audience-generation-job>/<id>");

    public static readonly TextConstraint TagKey = new("tagKey", "tag key", 1, 128);

    public static readonly TextConstraint TagValue = new("tagValue", "tag value", 0, 256);

    public static readonly TextConstraint GlueDatabaseName = new(
        "databaseName", "Glue database name", 1, 128,
        "[a-zA-Z0-9_](([a-zA-Z0-9_]+-)*([a-zA-Z0-9_]+))?",
        "letters, digits and underscores, with single hyphens between them");

    public static readonly TextConstraint GlueTableName = new(
        "tableName", "Glue table name", 1, 128, GlueName,
        "letters, digits, underscores and spaces, with single hyphens between them");

    public static readonly TextConstraint ColumnName = new(
        "columnName", "column name", 1, 128, GlueName,
        "letters, digits, underscores and spaces, with single hyphens between them");

    public static readonly TextConstraint AccountId = new(
        "catalogId", "AWS account id", 12, 12, "[0-9]{12}", "12 digits");

    public static readonly TextConstraint NextToken = new("nextToken", "pagination token", 1, 10240);

    /// <summary>The service's documented limit of user tags on one resource (the model's map allows 200).</summary>
    public const int MaxTagsPerResource = 50;

    /// <summary>Keys with this prefix, in any letter case, are reserved for AWS.</summary>
    public const string ReservedTagPrefix = "aws:";

    /// <summary>A training dataset's schema: 1 to 100 columns, each of exactly one column type.</summary>
    public const int MinSchemaColumns = 1;
    public const int MaxSchemaColumns = 100;

    public const int MinPageSize = 1;
    public const int MaxPageSize = 100;

    /// <summary>
    /// Checks a whole tag set: count, each key and value, unique keys and the reserved prefix.
    /// Keys are case-sensitive, as the service treats them. Returns every violation, not just the first.
    /// </summary>
    public static IReadOnlyList<ConstraintViolation> CheckTags(IEnumerable<KeyValuePair<string, string>> tags)
    {
        var violations = new ViolationList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int count = 0;
        foreach (var tag in tags)
        {
            count++;
            violations.Check(TagKey, tag.Key);
            violations.Check(TagValue, tag.Value ?? string.Empty);
            violations.AddIfAny(CheckReservedPrefix(tag.Key));
            if (!seen.Add(tag.Key))
            {
                violations.Add(new ConstraintViolation(TagKey, ConstraintKind.Duplicate, tag.Key,
                    $"The tag key '{TextConstraint.Shorten(tag.Key)}' appears more than once; each key may have one value."));
            }
        }

        if (count > MaxTagsPerResource)
        {
            violations.Insert(0, new ConstraintViolation(null, ConstraintKind.Count, count,
                $"A resource can have at most {MaxTagsPerResource} tags; {count} were given.") { Member = "tags" });
        }
        return violations;
    }

    /// <summary>Checks one tag key to set or remove: its length, then the reserved prefix. Null when valid.</summary>
    public static ConstraintViolation? CheckTagKey(string key) => TagKey.Check(key) ?? CheckReservedPrefix(key);

    /// <summary>Keys beginning with 'aws:', in any letter case, cannot be set or removed.</summary>
    public static ConstraintViolation? CheckReservedPrefix(string key) =>
        key.StartsWith(ReservedTagPrefix, StringComparison.OrdinalIgnoreCase)
            ? new ConstraintViolation(TagKey, ConstraintKind.ReservedPrefix, key,
                $"The tag key '{TextConstraint.Shorten(key)}' begins with '{ReservedTagPrefix}', which is reserved for AWS in any letter case.")
            : null;

    /// <summary>Checks that a training window, when both ends are given, starts before it ends.</summary>
    public static ConstraintViolation? CheckTrainingWindow(DateTime? startUtc, DateTime? endUtc)
    {
        if (startUtc is null || endUtc is null || startUtc.Value < endUtc.Value) return null;
        return new ConstraintViolation(null, ConstraintKind.Order, startUtc,
            $"The training window must start before it ends; the start {Iso8601.Format(startUtc.Value)} is not before the end {Iso8601.Format(endUtc.Value)}.");
    }
}
