using GongGrid.Runtime.Storage;

namespace GongGrid.Runtime.Tests.Storage;

/// <summary>The behaviour every <see cref="IGrainStorage"/> provider must show; one subclass per provider.</summary>
public abstract partial class GrainStorageConformance : IAsyncLifetime
{
    private static readonly GrainId Village = new("village", "dong-son");
    private IGrainStorage? _storage;

    protected IGrainStorage Storage => _storage ?? throw new InvalidOperationException("The storage is not created yet.");

    public async Task InitializeAsync() => _storage = await CreateStorageAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IGrainStorage> CreateStorageAsync();

    [Fact]
    public async Task Read_of_missing_state_returns_null()
    {
        Assert.Null(await Storage.ReadAsync(Village, "night"));
    }

    [Fact]
    public async Task Write_then_read_returns_the_payload_and_the_new_etag()
    {
        var etag = await Storage.WriteAsync(Village, "night", """{"struck":"22:01","name":"Làng Đông Sơn"}""", null);

        Assert.Equal(new StoredState("""{"struck":"22:01","name":"Làng Đông Sơn"}""", etag), await Storage.ReadAsync(Village, "night"));
    }

    [Fact]
    public async Task Each_write_returns_a_new_etag_that_the_next_write_must_present()
    {
        var first = await Storage.WriteAsync(Village, "night", "1", null);
        var second = await Storage.WriteAsync(Village, "night", "2", first);
        var third = await Storage.WriteAsync(Village, "night", "3", second);

        Assert.Equal(3, new[] { first, second, third }.Distinct().Count());
        Assert.Equal(new StoredState("3", third), await Storage.ReadAsync(Village, "night"));
    }

    [Fact]
    public async Task Write_with_stale_etag_is_rejected_and_keeps_the_stored_value()
    {
        var stale = await Storage.WriteAsync(Village, "night", "old", null);
        var current = await Storage.WriteAsync(Village, "night", "current", stale);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Village, "night", "lost", stale));

        Assert.Equal(stale, conflict.ExpectedETag);
        Assert.Equal(current, conflict.StoredETag);
        Assert.Equal(new StoredState("current", current), await Storage.ReadAsync(Village, "night"));
    }

    [Fact]
    public async Task Write_with_null_etag_is_rejected_when_a_record_exists()
    {
        var etag = await Storage.WriteAsync(Village, "night", "first", null);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Village, "night", "second", null));

        Assert.Equal(new StoredState("first", etag), await Storage.ReadAsync(Village, "night"));
    }

    [Fact]
    public async Task Write_with_an_etag_is_rejected_when_no_record_exists()
    {
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Village, "night", "x", "1"));

        Assert.Null(conflict.StoredETag);
        Assert.Null(await Storage.ReadAsync(Village, "night"));
    }

    [Fact]
    public async Task Clear_with_stale_etag_is_rejected_and_keeps_the_stored_value()
    {
        var stale = await Storage.WriteAsync(Village, "night", "old", null);
        var current = await Storage.WriteAsync(Village, "night", "current", stale);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(Village, "night", stale));

        Assert.Equal(new StoredState("current", current), await Storage.ReadAsync(Village, "night"));
    }

    [Fact]
    public async Task Clear_with_null_etag_is_rejected_when_a_record_exists()
    {
        var etag = await Storage.WriteAsync(Village, "night", "kept", null);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearAsync(Village, "night", null));

        Assert.Equal(new StoredState("kept", etag), await Storage.ReadAsync(Village, "night"));
    }

    [Fact]
    public async Task Clear_then_read_returns_null()
    {
        var etag = await Storage.WriteAsync(Village, "night", "gone soon", null);

        await Storage.ClearAsync(Village, "night", etag);

        Assert.Null(await Storage.ReadAsync(Village, "night"));
    }

    [Fact]
    public async Task Clear_of_missing_state_with_null_etag_succeeds()
    {
        await Storage.ClearAsync(Village, "night", null);

        Assert.Null(await Storage.ReadAsync(Village, "night"));
    }

    [Fact]
    public async Task Clear_then_write_with_null_etag_creates_the_record_again()
    {
        var etag = await Storage.WriteAsync(Village, "night", "before", null);
        await Storage.ClearAsync(Village, "night", etag);

        var recreated = await Storage.WriteAsync(Village, "night", "after", null);

        Assert.Equal(new StoredState("after", recreated), await Storage.ReadAsync(Village, "night"));
    }

    [Fact]
    public async Task An_etag_read_before_a_clear_is_rejected_after_the_record_is_recreated()
    {
        var beforeClear = await Storage.WriteAsync(Village, "night", "before", null);
        await Storage.ClearAsync(Village, "night", beforeClear);
        var recreated = await Storage.WriteAsync(Village, "night", "after", null);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteAsync(Village, "night", "stale", beforeClear));

        Assert.Equal(new StoredState("after", recreated), await Storage.ReadAsync(Village, "night"));
    }

    [Fact]
    public async Task States_are_kept_apart_by_grain_type_key_and_state_name()
    {
        await Storage.WriteAsync(Village, "night", "village night", null);
        await Storage.WriteAsync(Village, "roster", "village roster", null);
        await Storage.WriteAsync(new GrainId("village", "dong-son-2"), "night", "other village", null);
        await Storage.WriteAsync(new GrainId("commune", "dong-son"), "night", "commune night", null);

        Assert.Equal("village night", (await Storage.ReadAsync(Village, "night"))?.Payload);
        Assert.Equal("village roster", (await Storage.ReadAsync(Village, "roster"))?.Payload);
        Assert.Equal("other village", (await Storage.ReadAsync(new GrainId("village", "dong-son-2"), "night"))?.Payload);
        Assert.Equal("commune night", (await Storage.ReadAsync(new GrainId("commune", "dong-son"), "night"))?.Payload);
    }

    [Fact]
    public async Task Write_with_a_cancelled_token_is_not_applied()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Storage.WriteAsync(Village, "night", "x", null, cancelled.Token));

        Assert.Null(await Storage.ReadAsync(Village, "night"));
    }
}
