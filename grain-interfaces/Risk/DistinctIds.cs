namespace FlashSale.GrainInterfaces.Risk;

/// <summary>
/// The distinct ids a subject was seen with (its shoppers or its devices), each with when it was last seen,
/// up to a cap. Most subjects are seen with one id only (a shopper with their phone, a phone with its
/// owner): that one is kept in place. A few more go in one array, searched in order; only a subject seen with
/// many (a farm's address range) gets a table. An API node keeps tens of thousands of subjects for ten
/// minutes, each made young and kept by an old table: a table for two ids was three objects, and the heap at
/// 4,000 claims/s held 44,000 of them (BENCHMARKS.md, "The API node's heap at L80").
/// </summary>
internal struct DistinctIds
{
    // Past this many, a table: searching the array in order would cost a claim more than the table's objects.
    private const int FewAtMost = 16;

    private string? _only;
    private DateTimeOffset _onlySeen;
    private IdSeen[]? _few;
    private int _fewCount;
    private Dictionary<string, DateTimeOffset>? _many;

    public readonly int Count => _many?.Count ?? (_few is null ? (_only is null ? 0 : 1) : _fewCount);

    public readonly IEnumerable<string> Ids =>
        _many is { } many ? many.Keys
        : _few is { } few ? few.Take(_fewCount).Select(seen => seen.Id)
        : _only is null ? [] : [_only];

    /// <summary>True when the id is new here and under the cap (and is now kept).</summary>
    public bool Saw(string id, DateTimeOffset at, int cap)
    {
        if (_many is not null)
        {
            return SawAmongMany(_many, id, at, cap);
        }

        if (_few is null)
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

            _few = new IdSeen[4];
            _few[0] = new IdSeen(_only, _onlySeen);
            (_fewCount, _only) = (1, null);
        }

        for (var i = 0; i < _fewCount; i++)
        {
            if (string.Equals(_few[i].Id, id, StringComparison.Ordinal))
            {
                _few[i] = _few[i] with { At = at };
                return false;
            }
        }

        if (_fewCount >= cap)
        {
            return false;
        }

        if (_fewCount == FewAtMost)
        {
            _many = new Dictionary<string, DateTimeOffset>(FewAtMost * 2, StringComparer.Ordinal);
            foreach (var seen in _few.AsSpan(0, _fewCount))
            {
                _many[seen.Id] = seen.At;
            }

            (_few, _fewCount) = (null, 0);
            return SawAmongMany(_many, id, at, cap);
        }

        if (_fewCount == _few.Length)
        {
            Array.Resize(ref _few, _few.Length * 2);
        }

        _few[_fewCount++] = new IdSeen(id, at);
        return true;
    }

    /// <summary>Forgets the ids last seen before <paramref name="before"/>.</summary>
    public void RemoveOlder(DateTimeOffset before)
    {
        if (_many is { } many)
        {
            foreach (var (id, at) in many)
            {
                if (at < before)
                {
                    many.Remove(id);
                }
            }
        }
        else if (_few is { } few)
        {
            var kept = 0;
            for (var i = 0; i < _fewCount; i++)
            {
                if (few[i].At >= before)
                {
                    few[kept++] = few[i];
                }
            }

            Array.Clear(few, kept, _fewCount - kept);
            _fewCount = kept;
        }
        else
        {
            _only = _onlySeen < before ? null : _only;
        }
    }

    private static bool SawAmongMany(Dictionary<string, DateTimeOffset> many, string id, DateTimeOffset at, int cap)
    {
        if (many.ContainsKey(id))
        {
            many[id] = at;
            return false;
        }

        if (many.Count >= cap)
        {
            return false;
        }

        many[id] = at;
        return true;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
    private readonly record struct IdSeen(string Id, DateTimeOffset At);
}
