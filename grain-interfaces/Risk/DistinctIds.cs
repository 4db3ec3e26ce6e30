namespace FlashSale.GrainInterfaces.Risk;

/// <summary>
/// The distinct ids a subject was seen with (its shoppers or its devices), by their <see cref="IdHash"/>, each with
/// when it was last seen, up to a cap. Most subjects are seen with one id only (a shopper with their phone, a phone
/// with its owner): that one is kept in place. A few more go in one array, searched in order; only a subject seen
/// with many (a farm's address range) gets a table. Nothing here refers to a string: an API node keeps tens of
/// thousands of subjects for ten minutes, and every young object an old one referred to was promoted and traced
/// (BENCHMARKS.md, "The API node's heap at L80" and "Subjects counted by their ids' hashes").
/// </summary>
internal struct DistinctIds
{
    // Past this many, a table: searching the array in order would cost a claim more than the table's objects.
    private const int FewAtMost = 16;

    private bool _hasOnly;
    private long _only;
    private DateTimeOffset _onlySeen;
    private IdSeen[]? _few;
    private int _fewCount;
    private Dictionary<long, DateTimeOffset>? _many;

    public readonly int Count => _many?.Count ?? (_few is null ? (_hasOnly ? 1 : 0) : _fewCount);

    public readonly bool Contains(long id)
    {
        if (_many is not null)
        {
            return _many.ContainsKey(id);
        }

        if (_few is null)
        {
            return _hasOnly && _only == id;
        }

        foreach (var seen in _few.AsSpan(0, _fewCount))
        {
            if (seen.Id == id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the id is new here and under the cap (and is now kept).</summary>
    public bool Saw(long id, DateTimeOffset at, int cap)
    {
        if (_many is not null)
        {
            return SawAmongMany(_many, id, at, cap);
        }

        if (_few is null)
        {
            if (!_hasOnly)
            {
                (_hasOnly, _only, _onlySeen) = (true, id, at);
                return true;
            }

            if (_only == id)
            {
                _onlySeen = at;
                return false;
            }

            _few = new IdSeen[4];
            _few[0] = new IdSeen(_only, _onlySeen);
            (_fewCount, _hasOnly) = (1, false);
        }

        for (var i = 0; i < _fewCount; i++)
        {
            if (_few[i].Id == id)
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
            _many = new Dictionary<long, DateTimeOffset>(FewAtMost * 2);
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

            _fewCount = kept;
        }
        else
        {
            _hasOnly = _hasOnly && _onlySeen >= before;
        }
    }

    private static bool SawAmongMany(Dictionary<long, DateTimeOffset> many, long id, DateTimeOffset at, int cap)
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
    private readonly record struct IdSeen(long Id, DateTimeOffset At);
}
