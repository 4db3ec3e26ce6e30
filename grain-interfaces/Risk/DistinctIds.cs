namespace FlashSale.GrainInterfaces.Risk;

/// <summary>
/// The distinct ids a subject was seen with (its shoppers or its devices), each with when it was last seen,
/// up to a cap. Most subjects are seen with one id only (a shopper with their phone, a phone with its
/// owner): that one is kept in place, and a table is made only for a second. An API node keeps tens of
/// thousands of subjects for ten minutes, and profiled at 4,000 claims/s (BENCHMARKS.md, "Subjects counted
/// in full, made small") a table for each was three of the nine objects a subject cost, every one of them
/// promoted through each generation before it died.
/// </summary>
internal struct DistinctIds
{
    private string? _only;
    private DateTimeOffset _onlySeen;
    private Dictionary<string, DateTimeOffset>? _many;

    public readonly int Count => _many?.Count ?? (_only is null ? 0 : 1);

    public readonly IEnumerable<string> Ids => _many is { } many ? many.Keys : _only is null ? [] : [_only];

    /// <summary>True when the id is new here and under the cap (and is now kept).</summary>
    public bool Saw(string id, DateTimeOffset at, int cap)
    {
        if (_many is null)
        {
            if (_only is null)
            {
                (_only, _onlySeen) = (id, at);
                return true;
            }

            if (string.Equals(_only, id, StringComparison.Ordinal))
            {
                // The id kept, not this request's equal copy: a young string referenced from an old subject
                // would be promoted on the next collection.
                _onlySeen = at;
                return false;
            }

            _many = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal) { [_only] = _onlySeen };
            _only = null;
        }

        if (_many.ContainsKey(id))
        {
            _many[id] = at;
            return false;
        }

        if (_many.Count >= cap)
        {
            return false;
        }

        _many[id] = at;
        return true;
    }

    /// <summary>Forgets the ids last seen before <paramref name="before"/>.</summary>
    public void RemoveOlder(DateTimeOffset before)
    {
        if (_many is null)
        {
            _only = _onlySeen < before ? null : _only;
            return;
        }

        foreach (var (id, at) in _many)
        {
            if (at < before)
            {
                _many.Remove(id);
            }
        }
    }
}
