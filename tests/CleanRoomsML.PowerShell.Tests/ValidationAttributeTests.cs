using System;
using System.Collections;
using System.Management.Automation;
using System.Reflection;
using CleanRoomsML.Client.Constraints;
using CleanRoomsML.PowerShell.Output;
using CleanRoomsML.PowerShell.Validation;

namespace CleanRoomsML.PowerShell.Tests;

/// <summary>The ValidateScript-style attributes: each enforces a rule of the service and names it.</summary>
public sealed class ValidationAttributeTests
{
    // Validate is protected; the engine calls it through its own internal path.
    private static void Validate(ValidateArgumentsAttribute attribute, object? value)
    {
        MethodInfo validate = attribute.GetType().GetMethod("Validate", BindingFlags.Instance | BindingFlags.NonPublic)!;
        try
        {
            validate.Invoke(attribute, new[] { value, null });
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    [Fact]
    public void Uses_the_named_shared_constraint() =>
        Assert.Same(ServiceConstraints.KmsKeyArn, new ValidateServiceConstraintAttribute(nameof(ServiceConstraints.KmsKeyArn)).Constraint);

    [Fact]
    public void Refuses_a_constraint_name_that_does_not_exist() =>
        Assert.Throws<ArgumentException>(() => new ValidateServiceConstraintAttribute("NoSuchRule"));

    [Fact]
    public void Passes_a_valid_value_and_an_unset_one()
    {
        var attribute = new ValidateServiceConstraintAttribute(nameof(ServiceConstraints.Name));
        Validate(attribute, "fine-name");
        Validate(attribute, null);
    }

    [Fact]
    public void Reports_the_rule_and_the_value_it_broke()
    {
        var attribute = new ValidateServiceConstraintAttribute(nameof(ServiceConstraints.TrainingDatasetArn));
        var e = Assert.Throws<ValidationMetadataException>(() => Validate(attribute, "arn:aws:s3:::my-bucket/data.csv"));
        Assert.Contains("'arn:aws:s3:::my-bucket/data.csv' is not a valid training dataset ARN", e.Message);
        Assert.Contains("training-dataset/<id>", e.Message);
    }

    [Fact]
    public void Reports_every_broken_tag_rule_at_once()
    {
        var tags = new Hashtable(StringComparer.Ordinal) { ["aws:team"] = "x", [new string('k', 129)] = "y" };
        var e = Assert.Throws<ValidationMetadataException>(() => Validate(new ValidateTagsAttribute(), tags));
        Assert.Contains("reserved for AWS", e.Message);
        Assert.Contains("1 to 128 characters", e.Message);
    }

    [Theory]
    [InlineData("us-east-1", true)]
    [InlineData("eu-central-2", true)]
    [InlineData("us-gov-west-1", true)]
    [InlineData("US-EAST-1", false)]
    [InlineData("virginia", false)]
    public void Checks_the_form_of_a_region_name(string region, bool valid)
    {
        var attribute = new ValidateRegionNameAttribute();
        if (valid) Validate(attribute, region);
        else Assert.Throws<ValidationMetadataException>(() => Validate(attribute, region));
    }

    [Fact]
    public void The_result_object_reads_as_its_arn_in_string_contexts()
    {
        const string arn = "arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-model/abc";
        var model = new AudienceModel(arn, "m", "arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/d", "us-east-1");
        Assert.Equal(arn, model.ToString());
        Assert.Equal(arn, LanguagePrimitives.ConvertTo<string>(model));
        Assert.NotNull(model.Tags);
        Assert.Empty(model.Tags!);
    }
}
