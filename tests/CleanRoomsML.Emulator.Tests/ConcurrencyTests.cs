using System.Collections.Concurrent;
using CleanRoomsML.Emulator.Tests.Support;

namespace CleanRoomsML.Emulator.Tests;

/// <summary>Many requests at once. The quota of models in training is lifted: these tests are about races, not quotas.</summary>
public class ConcurrencyTests : IClassFixture<NoTrainingQuotaEmulatorFixture>
{
    private readonly NoTrainingQuotaEmulatorFixture _emulator;

    public ConcurrencyTests(NoTrainingQuotaEmulatorFixture emulator) => _emulator = emulator;

    [Fact]
    public async Task Two_hundred_parallel_creates_give_two_hundred_distinct_arns_all_listed()
    {
        var client = _emulator.Client.ForRegion(EmulatorClient.UniqueRegion());
        string dataset = await client.CreateTrainingDatasetAsync("parallel");

        var arns = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => client.CreateAudienceModelAsync($"p{i}", dataset)));

        Assert.Equal(200, arns.Distinct().Count());
        var listed = new List<string>();
        string? token = null;
        do
        {
            var json = (await client.GetAsync("/audience-model" + (token is null ? "" : "?nextToken=" + Uri.EscapeDataString(token)))).Json!;
            listed.AddRange(json["audienceModels"]!.AsArray().Select(m => (string)m!["audienceModelArn"]!));
            token = (string?)json["nextToken"];
        }
        while (token is not null);
        Assert.Equal(arns.OrderBy(a => a), listed.OrderBy(a => a));
    }

    [Fact]
    public async Task Two_thousand_creates_in_a_tight_loop_all_succeed_and_are_counted()
    {
        var client = _emulator.Client.ForRegion(EmulatorClient.UniqueRegion());
        string dataset = await client.CreateTrainingDatasetAsync("tight-loop");
        int before = _emulator.Server.Control.RequestCount("CreateAudienceModel");
        var arns = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 2000), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => arns.Add(await client.CreateAudienceModelAsync($"t{i}", dataset)));

        Assert.Equal(2000, arns.Distinct().Count());
        Assert.True(_emulator.Server.Control.RequestCount("CreateAudienceModel") - before >= 2000);
    }

    [Fact]
    public async Task Parallel_creates_of_the_same_dataset_name_make_exactly_one()
    {
        var client = _emulator.Client.ForRegion(EmulatorClient.UniqueRegion());

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostAsync("/training-dataset", Bodies.TrainingDataset("race"))));

        Assert.Equal(1, responses.Count(r => r.Status == 200));
        Assert.Equal(19, responses.Count(r => r.ErrorType == "ConflictException"));
    }
}
