using GongGrid.Runtime.Reminders;

namespace GongGrid.Runtime.Tests.Storage;

/// <summary>The behaviour every <see cref="IReminderTable"/> provider must show; one subclass per provider.</summary>
public abstract class ReminderTableConformance : IAsyncLifetime
{
    private static readonly GrainId Village = new("village", "dong-son");
    private static readonly DateTimeOffset TenPm = new(2026, 3, 1, 22, 0, 0, TimeSpan.FromHours(7));
    private IReminderTable? _table;

    protected IReminderTable Table => _table ?? throw new InvalidOperationException("The table is not created yet.");

    public async Task InitializeAsync() => _table = await CreateTableAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IReminderTable> CreateTableAsync();

    [Fact]
    public async Task Read_of_missing_reminder_returns_null()
    {
        Assert.Null(await Table.ReadAsync(Village, "nightly-close"));
    }

    [Fact]
    public async Task Upsert_then_read_returns_the_reminder_in_utc()
    {
        await Table.UpsertAsync(new ReminderEntry(Village, "nightly-close", TenPm, TimeSpan.FromDays(1)));

        var read = await Table.ReadAsync(Village, "nightly-close");

        Assert.Equal(new ReminderEntry(Village, "nightly-close", TenPm, TimeSpan.FromDays(1)), read);
        Assert.Equal(TimeSpan.Zero, read!.StartAt.Offset);
    }

    [Fact]
    public async Task Upsert_replaces_the_reminder_and_resets_last_fired()
    {
        await Table.UpsertAsync(new ReminderEntry(Village, "nightly-close", TenPm, TimeSpan.FromDays(1)));
        await Table.MarkFiredAsync(Village, "nightly-close", TenPm);

        await Table.UpsertAsync(new ReminderEntry(Village, "nightly-close", TenPm.AddMinutes(5), TimeSpan.FromHours(12), TenPm));

        Assert.Equal(
            new ReminderEntry(Village, "nightly-close", TenPm.AddMinutes(5), TimeSpan.FromHours(12)),
            await Table.ReadAsync(Village, "nightly-close"));
    }

    [Fact]
    public async Task MarkFired_persists_the_due_time()
    {
        await Table.UpsertAsync(new ReminderEntry(Village, "nightly-close", TenPm, TimeSpan.FromDays(1)));

        await Table.MarkFiredAsync(Village, "nightly-close", TenPm.AddDays(1));

        Assert.Equal(TenPm.AddDays(1), (await Table.ReadAsync(Village, "nightly-close"))?.LastFiredAt);
    }

    [Fact]
    public async Task MarkFired_of_missing_reminder_changes_nothing()
    {
        await Table.MarkFiredAsync(Village, "nightly-close", TenPm);

        Assert.Null(await Table.ReadAsync(Village, "nightly-close"));
        Assert.Empty(await Table.ReadAllAsync());
    }

    [Fact]
    public async Task Remove_deletes_the_reminder_and_returns_true()
    {
        await Table.UpsertAsync(new ReminderEntry(Village, "nightly-close", TenPm, TimeSpan.FromDays(1)));

        Assert.True(await Table.RemoveAsync(Village, "nightly-close"));
        Assert.Null(await Table.ReadAsync(Village, "nightly-close"));
    }

    [Fact]
    public async Task Remove_of_missing_reminder_returns_false()
    {
        Assert.False(await Table.RemoveAsync(Village, "nightly-close"));
    }

    [Fact]
    public async Task ReadAll_returns_every_reminder_and_keeps_same_names_of_different_grains_apart()
    {
        var entries = new[]
        {
            new ReminderEntry(Village, "nightly-close", TenPm, TimeSpan.FromDays(1)),
            new ReminderEntry(Village, "heartbeat-check", TenPm.AddHours(-1), TimeSpan.FromMinutes(15)),
            new ReminderEntry(new GrainId("village", "dong-son-2"), "nightly-close", TenPm.AddMinutes(1), TimeSpan.FromDays(1)),
            new ReminderEntry(new GrainId("commune", "dong-son"), "nightly-close", TenPm.AddMinutes(2), TimeSpan.FromDays(1)),
        };
        foreach (var entry in entries)
        {
            await Table.UpsertAsync(entry);
        }

        var all = await Table.ReadAllAsync();

        Assert.Equal(entries.OrderBy(e => e.StartAt), all.OrderBy(e => e.StartAt));
    }

    [Fact]
    public async Task Five_hundred_parallel_upserts_all_persist()
    {
        var entries = Enumerable.Range(0, 500)
            .Select(i => new ReminderEntry(new GrainId("village", $"v{i}"), "nightly-close", TenPm.AddSeconds(i), TimeSpan.FromDays(1)))
            .ToList();

        await Task.WhenAll(entries.Select(e => Task.Run(() => Table.UpsertAsync(e))));

        Assert.Equal(entries, (await Table.ReadAllAsync()).OrderBy(e => e.StartAt));
    }
}
