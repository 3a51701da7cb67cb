using CleanRoomsML.Client.Constraints;
using CleanRoomsML.Emulator.Protocol;

namespace CleanRoomsML.Emulator.State;

/// <summary>
/// All resources and their tags, in memory. One lock guards everything: every operation is short, and a
/// single lock makes the cross-resource rules (unique names, datasets in use, quotas) atomic.
/// </summary>
public sealed class ResourceStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, TrainingDataset> _datasets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AudienceModel> _models = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _tagsByArn = new(StringComparer.Ordinal);
    private long _sequence;

    public TrainingDataset AddTrainingDataset(TrainingDataset dataset, IEnumerable<KeyValuePair<string, string>> tags)
    {
        lock (_gate)
        {
            if (_datasets.Values.Any(d => d.Region == dataset.Region && d.Name == dataset.Name))
            {
                throw ServiceException.Conflict($"A training dataset named '{dataset.Name}' already exists in {dataset.Region}.");
            }
            var stored = dataset with { Sequence = ++_sequence };
            _datasets[stored.Arn] = stored;
            _tagsByArn[stored.Arn] = new Dictionary<string, string>(tags, StringComparer.Ordinal);
            return stored;
        }
    }

    public TrainingDataset GetTrainingDataset(string arn)
    {
        lock (_gate)
        {
            return _datasets.TryGetValue(arn, out var dataset) ? dataset : throw NotFound("training dataset", arn);
        }
    }

    public void DeleteTrainingDataset(string arn)
    {
        lock (_gate)
        {
            if (!_datasets.ContainsKey(arn)) throw NotFound("training dataset", arn);
            var user = _models.Values.Where(m => m.TrainingDatasetArn == arn).OrderBy(m => m.Sequence).FirstOrDefault();
            if (user is not null)
            {
                throw ServiceException.Conflict($"The training dataset {arn} is used by the audience model {user.Arn}; delete the audience model first.");
            }
            _datasets.Remove(arn);
            _tagsByArn.Remove(arn);
        }
    }

    /// <summary>
    /// Stores a new audience model built by <paramref name="create"/> from its (existing) training dataset, unless
    /// the region has no room for it under <paramref name="quotas"/> at <paramref name="utcNow"/>. The check and the
    /// insert share the lock, so parallel creates cannot pass a quota together.
    /// </summary>
    public AudienceModel AddAudienceModel(string trainingDatasetArn, AudienceModelQuotas quotas, DateTime utcNow,
        Func<TrainingDataset, AudienceModel> create, IEnumerable<KeyValuePair<string, string>> tags)
    {
        lock (_gate)
        {
            var dataset = _datasets.TryGetValue(trainingDatasetArn, out var found) ? found : throw NotFound("training dataset", trainingDatasetArn);
            var model = create(dataset);
            quotas.CheckRoom(model.Region, _models.Values.Where(m => m.Region == model.Region), utcNow);
            var stored = model with { Sequence = ++_sequence };
            _models[stored.Arn] = stored;
            _tagsByArn[stored.Arn] = new Dictionary<string, string>(tags, StringComparer.Ordinal);
            return stored;
        }
    }

    public AudienceModel GetAudienceModel(string arn)
    {
        lock (_gate)
        {
            return _models.TryGetValue(arn, out var model) ? model : throw NotFound("audience model", arn);
        }
    }

    public void DeleteAudienceModel(string arn)
    {
        lock (_gate)
        {
            if (!_models.Remove(arn)) throw NotFound("audience model", arn);
            _tagsByArn.Remove(arn);
        }
    }

    /// <summary>One page of a region's audience models in creation order, and whether more follow.</summary>
    public (IReadOnlyList<AudienceModel> Page, bool More) ListAudienceModels(string region, long afterSequence, int pageSize)
    {
        lock (_gate)
        {
            return Page(_models.Values.Where(m => m.Region == region), m => m.Sequence, afterSequence, pageSize);
        }
    }

    public (IReadOnlyList<TrainingDataset> Page, bool More) ListTrainingDatasets(string region, long afterSequence, int pageSize)
    {
        lock (_gate)
        {
            return Page(_datasets.Values.Where(d => d.Region == region), d => d.Sequence, afterSequence, pageSize);
        }
    }

    /// <summary>A copy of the resource's tags; ResourceNotFoundException when no such resource exists.</summary>
    public IReadOnlyDictionary<string, string> GetTags(string arn)
    {
        lock (_gate)
        {
            return _tagsByArn.TryGetValue(arn, out var tags)
                ? new Dictionary<string, string>(tags, StringComparer.Ordinal)
                : throw NotFound("resource", arn);
        }
    }

    /// <summary>Adds or overwrites tags; the resource may end with at most 50.</summary>
    public void Tag(string arn, IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        lock (_gate)
        {
            if (!_tagsByArn.TryGetValue(arn, out var existing)) throw NotFound("resource", arn);
            int total = existing.Keys.Union(tags.Select(t => t.Key), StringComparer.Ordinal).Count();
            if (total > ServiceConstraints.MaxTagsPerResource)
            {
                throw ServiceException.Validation(
                    $"1 validation error detected: Value at 'tags' failed to satisfy constraint: A resource can have at most {ServiceConstraints.MaxTagsPerResource} tags; it has {existing.Count} and this request would make it {total}.");
            }
            foreach (var tag in tags) existing[tag.Key] = tag.Value;
        }
    }

    public void Untag(string arn, IEnumerable<string> keys)
    {
        lock (_gate)
        {
            if (!_tagsByArn.TryGetValue(arn, out var existing)) throw NotFound("resource", arn);
            foreach (string key in keys) existing.Remove(key);
        }
    }

    public int AudienceModelCount
    {
        get { lock (_gate) return _models.Count; }
    }

    /// <summary>The region's models in CREATE_PENDING or CREATE_IN_PROGRESS at <paramref name="utcNow"/>.</summary>
    public int AudienceModelsInTraining(string region, DateTime utcNow)
    {
        lock (_gate) return _models.Values.Count(m => m.Region == region && AudienceModelLifecycle.IsTraining(m, utcNow));
    }

    /// <summary>Removes every resource, then stores the given seed datasets again.</summary>
    public void Reset(IEnumerable<TrainingDataset> seeds)
    {
        lock (_gate)
        {
            _datasets.Clear();
            _models.Clear();
            _tagsByArn.Clear();
            foreach (var seed in seeds)
            {
                var stored = seed with { Sequence = ++_sequence };
                _datasets[stored.Arn] = stored;
                _tagsByArn[stored.Arn] = new Dictionary<string, string>(StringComparer.Ordinal);
            }
        }
    }

    private static (IReadOnlyList<T>, bool) Page<T>(IEnumerable<T> items, Func<T, long> sequence, long after, int size)
    {
        var remaining = items.Where(i => sequence(i) > after).OrderBy(sequence).Take(size + 1).ToList();
        bool more = remaining.Count > size;
        return (more ? remaining.Take(size).ToList() : remaining, more);
    }

    private static ServiceException NotFound(string what, string arn) =>
        ServiceException.NotFound($"The {what} {arn} was not found.");
}
