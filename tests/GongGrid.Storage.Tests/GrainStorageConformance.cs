using GongGrid.Grains.Devices;
using GongGrid.Testing.Postgres;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans;

namespace GongGrid.Storage.Tests;

/// <summary>The behaviour every grain storage provider must show, as grains rely on it; one subclass per provider.</summary>
public abstract class GrainStorageConformance : ProviderConformance
{
    private static readonly GrainId Device = GrainId.Create("device", "ngoc-lac/cao-thinh/lang-moi/gong-1");
    private IGrainStorage Storage => Provider.Grains;

    [Fact]
    public async Task Reading_state_never_written_gives_a_fresh_state_and_no_record()
    {
        var state = await ReadAsync();

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Null(state.State!.BatteryPercent);
    }

    [Fact]
    public async Task What_is_written_is_read_back_with_the_etag_the_write_gave()
    {
        var written = await WriteAsync(Battery(80), etag: null);

        var read = await ReadAsync();

        Assert.True(read.RecordExists);
        Assert.Equal(written, read.ETag);
        Assert.Equal(80, read.State!.BatteryPercent);
    }

    [Fact]
    public async Task Each_write_gives_a_new_etag_that_the_next_write_must_present()
    {
        var first = await WriteAsync(Battery(80), etag: null);
        var second = await WriteAsync(Battery(70), first);
        var third = await WriteAsync(Battery(60), second);

        Assert.Equal(3, new[] { first, second, third }.Distinct().Count());
        Assert.Equal(60, (await ReadAsync()).State!.BatteryPercent);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_keeps_the_stored_state()
    {
        var stale = await WriteAsync(Battery(80), etag: null);
        await WriteAsync(Battery(70), stale);

        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(Battery(10), stale));

        Assert.Equal(70, (await ReadAsync()).State!.BatteryPercent);
    }

    [Fact]
    public async Task A_write_claiming_no_record_is_refused_when_one_exists()
    {
        await WriteAsync(Battery(80), etag: null);

        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(Battery(10), etag: null));

        Assert.Equal(80, (await ReadAsync()).State!.BatteryPercent);
    }

    [Fact]
    public async Task A_clear_removes_the_record_and_a_clear_with_a_stale_etag_is_refused()
    {
        var stale = await WriteAsync(Battery(80), etag: null);
        var current = await WriteAsync(Battery(70), stale);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync("device", Device, State(Battery(0), stale)));
        Assert.Equal(70, (await ReadAsync()).State!.BatteryPercent);

        await Storage.ClearStateAsync("device", Device, State(Battery(0), current));
        Assert.False((await ReadAsync()).RecordExists);
    }

    [Fact]
    public async Task Of_twenty_writers_racing_from_the_same_etag_exactly_one_wins()
    {
        var etag = await WriteAsync(Battery(100), etag: null);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 20).Select(async writer =>
        {
            try
            {
                await WriteAsync(Battery(writer), etag);
                return writer;
            }
            catch (InconsistentStateException)
            {
                return 0;
            }
        }));

        var winner = Assert.Single(outcomes, outcome => outcome != 0);
        Assert.Equal(winner, (await ReadAsync()).State!.BatteryPercent);
    }

    [Fact]
    public async Task Five_hundred_parallel_writes_to_distinct_grains_all_persist()
    {
        var devices = Enumerable.Range(0, 500).Select(index => GrainId.Create("device", $"ngoc-lac/cao-thinh/lang-moi/gong-{index}")).ToList();

        await Task.WhenAll(devices.Select((device, index) => Storage.WriteStateAsync("device", device, State(Battery(index % 100), etag: null))));

        foreach (var (device, index) in devices.Select((device, index) => (device, index)))
        {
            var read = State(new DeviceState(), etag: null);
            await Storage.ReadStateAsync("device", device, read);
            Assert.Equal(index % 100, read.State!.BatteryPercent);
        }
    }

    [Fact]
    public async Task States_of_one_grain_under_different_names_are_kept_apart()
    {
        await WriteAsync(Battery(80), etag: null);
        await Storage.WriteStateAsync("other", Device, State(Battery(5), etag: null));

        Assert.Equal(80, (await ReadAsync()).State!.BatteryPercent);
    }

    protected async Task<GrainState<DeviceState>> ReadAsync()
    {
        var state = State(new DeviceState(), etag: null);
        await Storage.ReadStateAsync("device", Device, state);
        return state;
    }

    protected async Task<string?> WriteAsync(DeviceState value, string? etag)
    {
        var state = State(value, etag);
        await Storage.WriteStateAsync("device", Device, state);
        return state.ETag;
    }

    protected static DeviceState Battery(int percent) => new() { BatteryPercent = percent };

    private static GrainState<DeviceState> State(DeviceState value, string? etag) => new(value, etag);
}

public sealed class InMemoryGrainStorageTests : GrainStorageConformance
{
    protected override Task<StorageProvider> StartAsync() => StorageProvider.InMemoryAsync();
}

/// <summary>A provider whose state outlives the silo: what a restart must keep.</summary>
public abstract class DurableGrainStorageConformance : GrainStorageConformance
{
    [Fact]
    public async Task State_survives_a_restart_on_the_same_store_and_its_etag_still_guards_it()
    {
        var etag = await WriteAsync(Battery(42), etag: null);

        await Provider.ReopenAsync();

        var read = await ReadAsync();
        Assert.Equal((42, etag), (read.State!.BatteryPercent, read.ETag));
        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(Battery(1), etag: null));
    }
}

public sealed class SqliteGrainStorageTests : DurableGrainStorageConformance
{
    protected override Task<StorageProvider> StartAsync() => StorageProvider.SqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresGrainStorageTests(PostgresServer postgres) : DurableGrainStorageConformance
{
    protected override Task<StorageProvider> StartAsync() => StorageProvider.PostgresAsync(postgres.Server);
}
