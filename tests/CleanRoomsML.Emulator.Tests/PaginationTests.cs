using CleanRoomsML.Emulator.Tests.Support;

namespace CleanRoomsML.Emulator.Tests;

public class PaginationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public PaginationTests(EmulatorFixture emulator) => _emulator = emulator;

    private async Task<(EmulatorClient Client, List<string> Arns)> FiveModelsAsync()
    {
        var client = _emulator.Client.ForRegion(EmulatorClient.UniqueRegion());
        string dataset = await client.CreateTrainingDatasetAsync("pages");
        var arns = new List<string>();
        for (int i = 0; i < 5; i++) arns.Add(await client.CreateAudienceModelAsync($"m{i}", dataset));
        return (client, arns);
    }

    [Fact]
    public async Task MaxResults_2_over_5_models_gives_pages_of_2_2_1_in_creation_order()
    {
        var (client, arns) = await FiveModelsAsync();

        var pages = new List<List<string>>();
        string? token = null;
        do
        {
            string query = "?maxResults=2" + (token is null ? "" : "&nextToken=" + Uri.EscapeDataString(token));
            var json = (await client.GetAsync("/audience-model" + query)).Json!;
            pages.Add(json["audienceModels"]!.AsArray().Select(m => (string)m!["audienceModelArn"]!).ToList());
            token = (string?)json["nextToken"];
        }
        while (token is not null && pages.Count < 10);

        Assert.Equal(new[] { 2, 2, 1 }, pages.Select(p => p.Count));
        Assert.Equal(arns, pages.SelectMany(p => p));
    }

    [Fact]
    public async Task Without_maxResults_all_five_come_in_one_page_without_a_token()
    {
        var (client, arns) = await FiveModelsAsync();
        var json = (await client.GetAsync("/audience-model")).Json!;

        Assert.Equal(5, json["audienceModels"]!.AsArray().Count);
        Assert.Null(json["nextToken"]);
    }

    [Fact]
    public async Task A_page_token_survives_the_deletion_of_an_item_already_returned()
    {
        var (client, arns) = await FiveModelsAsync();
        var first = (await client.GetAsync("/audience-model?maxResults=2")).Json!;
        await client.DeleteAsync("/audience-model/" + EmulatorClient.Encode(arns[1]));

        var second = (await client.GetAsync("/audience-model?maxResults=2&nextToken=" + Uri.EscapeDataString((string)first["nextToken"]!))).Json!;

        Assert.Equal(arns.Skip(2).Take(2), second["audienceModels"]!.AsArray().Select(m => (string)m!["audienceModelArn"]!));
    }

    [Theory]
    [InlineData("nextToken=garbage", "nextToken")]
    [InlineData("maxResults=0", "Member must have value greater than or equal to 1")]
    [InlineData("maxResults=101", "Member must have value less than or equal to 100")]
    [InlineData("maxResults=ten", "Member must be an integer")]
    public async Task Invalid_paging_parameters_are_ValidationException(string query, string expected)
    {
        var response = await _emulator.Client.GetAsync("/audience-model?" + query);

        Assert.Equal(400, response.Status);
        Assert.Equal("ValidationException", response.ErrorType);
        Assert.Contains(expected, response.Message);
    }

    [Fact]
    public async Task A_token_from_the_dataset_list_is_refused_by_the_model_list()
    {
        var client = _emulator.Client.ForRegion(EmulatorClient.UniqueRegion());
        await client.CreateTrainingDatasetAsync("a");
        await client.CreateTrainingDatasetAsync("b");
        string token = (string)(await client.GetAsync("/training-dataset?maxResults=1")).Json!["nextToken"]!;

        var datasets = await client.GetAsync("/training-dataset?maxResults=1&nextToken=" + Uri.EscapeDataString(token));
        var models = await client.GetAsync("/audience-model?nextToken=" + Uri.EscapeDataString(token));

        Assert.Equal(200, datasets.Status);
        Assert.Equal("b", (string?)datasets.Json!["trainingDatasets"]![0]!["name"]);
        Assert.Equal(400, models.Status);
        Assert.Equal("ValidationException", models.ErrorType);
    }
}
