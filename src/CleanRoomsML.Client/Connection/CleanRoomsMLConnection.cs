using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using CleanRoomsML.Client.Model;
using CleanRoomsML.Client.Runtime;
using CleanRoomsML.Client.Runtime.Errors;

namespace CleanRoomsML.Client.Connection;

/// <summary>
/// The module's door to Clean Rooms ML: one SDK client for one region, identity and endpoint, with
/// inputs, outputs and errors that carry no SDK type. The cmdlets use only this.
/// </summary>
public sealed class CleanRoomsMLConnection : IDisposable
{
    private readonly CleanRoomsMLClient _client;

    private CleanRoomsMLConnection(CleanRoomsMLClient client, string region, string credentialSource, string? endpointUrl)
    {
        _client = client;
        Region = region;
        CredentialSource = credentialSource;
        EndpointUrl = endpointUrl;
    }

    /// <summary>Resolves the settings and builds the client. Throws <see cref="CleanRoomsMLConfigurationException"/>.</summary>
    public static CleanRoomsMLConnection Open(ConnectionSettings settings)
    {
        try
        {
            CleanRoomsMLClient client = ClientFactory.Create(settings, out string region, out string credentialSource);
            return new CleanRoomsMLConnection(client, region, credentialSource, settings.EndpointUrl);
        }
        catch (AmazonClientException e)
        {
            // A profile the SDK cannot use (an expired SSO token, a role it cannot assume, ...).
            throw new CleanRoomsMLConfigurationException(ConfigurationProblemKind.ClientSetup, e.Message, e);
        }
    }

    public string Region { get; }

    /// <summary>Where the credentials come from, in words; never the secret itself.</summary>
    public string CredentialSource { get; }

    /// <summary>The custom endpoint, or null for the service's own.</summary>
    public string? EndpointUrl { get; }

    public Task<ResourceCreated> CreateAudienceModelAsync(NewAudienceModel input, IAttemptObserver? observer, CancellationToken cancellationToken) =>
        Translate(() => _client.CreateAudienceModelAsync(input, observer, cancellationToken), cancellationToken);

    public Task<AudienceModelDetails> GetAudienceModelAsync(string audienceModelArn, IAttemptObserver? observer, CancellationToken cancellationToken) =>
        Translate(() => _client.GetAudienceModelAsync(audienceModelArn, observer, cancellationToken), cancellationToken);

    public Task<Page<AudienceModelDetails>> ListAudienceModelsAsync(PageRequest page, IAttemptObserver? observer, CancellationToken cancellationToken) =>
        Translate(() => _client.ListAudienceModelsAsync(page, observer, cancellationToken), cancellationToken);

    public Task<ServiceReceipt> DeleteAudienceModelAsync(string audienceModelArn, IAttemptObserver? observer, CancellationToken cancellationToken) =>
        Translate(() => _client.DeleteAudienceModelAsync(audienceModelArn, observer, cancellationToken), cancellationToken);

    public Task<ResourceCreated> CreateTrainingDatasetAsync(NewTrainingDataset input, IAttemptObserver? observer, CancellationToken cancellationToken) =>
        Translate(() => _client.CreateTrainingDatasetAsync(input, observer, cancellationToken), cancellationToken);

    public Task<TrainingDatasetDetails> GetTrainingDatasetAsync(string trainingDatasetArn, IAttemptObserver? observer, CancellationToken cancellationToken) =>
        Translate(() => _client.GetTrainingDatasetAsync(trainingDatasetArn, observer, cancellationToken), cancellationToken);

    public Task<Page<TrainingDatasetDetails>> ListTrainingDatasetsAsync(PageRequest page, IAttemptObserver? observer, CancellationToken cancellationToken) =>
        Translate(() => _client.ListTrainingDatasetsAsync(page, observer, cancellationToken), cancellationToken);

    public Task<ServiceReceipt> DeleteTrainingDatasetAsync(string trainingDatasetArn, IAttemptObserver? observer, CancellationToken cancellationToken) =>
        Translate(() => _client.DeleteTrainingDatasetAsync(trainingDatasetArn, observer, cancellationToken), cancellationToken);

    public Task<ServiceReceipt> TagResourceAsync(string resourceArn, IReadOnlyDictionary<string, string> tags, IAttemptObserver? observer, CancellationToken cancellationToken) =>
        Translate(() => _client.TagResourceAsync(resourceArn, tags, observer, cancellationToken), cancellationToken);

    public Task<ServiceReceipt> UntagResourceAsync(string resourceArn, IReadOnlyList<string> tagKeys, IAttemptObserver? observer, CancellationToken cancellationToken) =>
        Translate(() => _client.UntagResourceAsync(resourceArn, tagKeys, observer, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string resourceArn, IAttemptObserver? observer, CancellationToken cancellationToken) =>
        Translate(() => _client.ListTagsForResourceAsync(resourceArn, observer, cancellationToken), cancellationToken);

    public void Dispose() => _client.Dispose();

    private static async Task<T> Translate<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (CleanRoomsMLException e)
        {
            var service = e as ServiceQuotaExceededException;
            throw new CleanRoomsMLRequestException(e.ErrorCode, e.Message, (int)e.StatusCode, e.RequestId, e)
            {
                QuotaName = service?.QuotaName,
                QuotaValue = service?.QuotaValue,
            };
        }
        catch (AmazonServiceException e)
        {
            // Errors answered before our reader ran, such as a signature rejected by a proxy.
            throw new CleanRoomsMLRequestException(e.ErrorCode ?? CleanRoomsMLRequestException.TransportFailureCode,
                e.Message, (int)e.StatusCode, e.RequestId, e);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException || e is System.IO.IOException || e is OperationCanceledException)
        {
            throw new CleanRoomsMLRequestException(CleanRoomsMLRequestException.TransportFailureCode,
                $"No answer from the service: {e.Message}", 0, null, e);
        }
        catch (AmazonClientException e)
        {
            throw new CleanRoomsMLConfigurationException(ConfigurationProblemKind.ClientSetup, e.Message, e);
        }
    }
}
