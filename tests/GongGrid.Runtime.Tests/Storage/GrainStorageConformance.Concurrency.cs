using GongGrid.Runtime.Storage;

namespace GongGrid.Runtime.Tests.Storage;

/// <summary>Racing writers: ETag checks must hold under concurrency, and group commit must isolate conflicts.</summary>
public abstract partial class GrainStorageConformance
{
    [Fact]
    public async Task Of_fifty_writers_racing_from_the_same_etag_exactly_one_wins()
    {
        var start = await Storage.WriteAsync(Village, "night", "start", null);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => TryWriteAsync(Village, $"writer {i}", start))));

        var winner = Assert.Single(outcomes, o => o.ETag is not null);
        Assert.All(outcomes.Where(o => o.ETag is null), o => Assert.IsType<InconsistentStateException>(o.Error));
        Assert.Equal(new StoredState(winner.Payload, winner.ETag!), await Storage.ReadAsync(Village, "night"));
    }

    [Fact]
    public async Task Two_thousand_parallel_writes_to_distinct_keys_all_succeed()
    {
        var keys = Enumerable.Range(0, 2000).Select(i => new GrainId("village", $"v{i}")).ToList();

        var etags = await Task.WhenAll(keys.Select(k => Task.Run(() => Storage.WriteAsync(k, "night", k.Key, null))));

        for (var i = 0; i < keys.Count; i++)
        {
            Assert.Equal(new StoredState(keys[i].Key, etags[i]), await Storage.ReadAsync(keys[i], "night"));
        }
    }

    [Fact]
    public async Task A_conflicting_write_fails_alone_while_concurrent_writes_to_other_keys_commit()
    {
        var keys = Enumerable.Range(0, 300).Select(i => new GrainId("village", $"v{i}")).ToList();
        var starts = await Task.WhenAll(keys.Select(k => Storage.WriteAsync(k, "night", "start", null)));

        // Each key gets two writers from the same ETag, all in flight together: one per key must win.
        var outcomes = await Task.WhenAll(keys.SelectMany((k, i) => new[]
        {
            Task.Run(() => TryWriteAsync(k, "a", starts[i])),
            Task.Run(() => TryWriteAsync(k, "b", starts[i])),
        }));

        for (var i = 0; i < keys.Count; i++)
        {
            var pair = outcomes[(2 * i)..(2 * i + 2)];
            var winner = Assert.Single(pair, o => o.ETag is not null);
            Assert.IsType<InconsistentStateException>(Assert.Single(pair, o => o.ETag is null).Error);
            Assert.Equal(new StoredState(winner.Payload, winner.ETag!), await Storage.ReadAsync(keys[i], "night"));
        }
    }

    private async Task<WriteOutcome> TryWriteAsync(GrainId grainId, string payload, string expectedETag)
    {
        try
        {
            return new WriteOutcome(payload, await Storage.WriteAsync(grainId, "night", payload, expectedETag), null);
        }
        catch (Exception error)
        {
            return new WriteOutcome(payload, null, error);
        }
    }

    private sealed record WriteOutcome(string Payload, string? ETag, Exception? Error);
}
