using GongGrid.Testing.Postgres;
using Orleans.Runtime;
using Orleans;

namespace GongGrid.Storage.Tests;

/// <summary>The behaviour every reminder table must show, as Orleans's reminder service relies on it; one subclass per provider.</summary>
public abstract class ReminderTableConformance : ProviderConformance
{
    private static readonly GrainId Village = GrainId.Create("village", "ngoc-lac/cao-thinh/lang-moi");
    private static readonly DateTime ElevenPm = new(2026, 11, 22, 16, 0, 0, DateTimeKind.Utc);
    private IReminderTable Table => Provider.Reminders;

    [Fact]
    public async Task A_reminder_never_registered_is_not_found()
    {
        Assert.Null(await Table.ReadRow(Village, "night-close"));
        Assert.Empty((await Table.ReadRows(Village)).Reminders);
    }

    [Fact]
    public async Task An_upserted_reminder_reads_back_with_its_start_period_and_etag()
    {
        var etag = await Table.UpsertRow(Reminder(Village, "night-close"));

        var read = await Table.ReadRow(Village, "night-close");

        Assert.NotNull(read);
        Assert.Equal((ElevenPm, TimeSpan.FromDays(1), etag), (read.StartAt, read.Period, read.ETag));
    }

    [Fact]
    public async Task Upserting_again_replaces_the_reminder_and_changes_its_etag()
    {
        var first = await Table.UpsertRow(Reminder(Village, "night-close"));
        var second = await Table.UpsertRow(Reminder(Village, "night-close", ElevenPm.AddHours(1)));

        Assert.NotEqual(first, second);
        Assert.Equal(ElevenPm.AddHours(1), (await Table.ReadRow(Village, "night-close"))!.StartAt);
    }

    [Fact]
    public async Task A_remove_with_a_stale_etag_is_refused_and_with_the_current_one_deletes()
    {
        var stale = await Table.UpsertRow(Reminder(Village, "night-close"));
        var current = await Table.UpsertRow(Reminder(Village, "night-close"));

        Assert.False(await Table.RemoveRow(Village, "night-close", stale!));
        Assert.True(await Table.RemoveRow(Village, "night-close", current!));
        Assert.Null(await Table.ReadRow(Village, "night-close"));
    }

    [Fact]
    public async Task Reminders_are_read_by_grain_keeping_same_names_of_different_grains_apart()
    {
        var gong = GrainId.Create("device", "ngoc-lac/cao-thinh/lang-moi/gong-1");
        await Table.UpsertRow(Reminder(Village, "night-close"));
        await Table.UpsertRow(Reminder(gong, "night-close"));
        await Table.UpsertRow(Reminder(gong, "silence-check"));

        Assert.Equal(["night-close", "silence-check"], (await Table.ReadRows(gong)).Reminders.Select(reminder => reminder.ReminderName).Order());
        Assert.Single((await Table.ReadRows(Village)).Reminders);
    }

    [Fact]
    public async Task Reading_a_ring_range_finds_exactly_the_grains_whose_hash_lies_in_it_wrapping_or_not()
    {
        var villages = Enumerable.Range(0, 200).Select(index => GrainId.Create("village", $"ngoc-lac/xa-{index / 10}/thon-{index}")).ToList();
        await Task.WhenAll(villages.Select(village => Table.UpsertRow(Reminder(village, "night-close"))));
        var median = villages.Select(village => village.GetUniformHashCode()).Order().ElementAt(100);

        var lower = (await Table.ReadRows(0, median)).Reminders.Select(reminder => reminder.GrainId).ToHashSet();
        var wrapping = (await Table.ReadRows(median, 0)).Reminders.Select(reminder => reminder.GrainId).ToHashSet();

        Assert.Equal(villages.Where(village => village.GetUniformHashCode() > 0 && village.GetUniformHashCode() <= median).ToHashSet(), lower);
        Assert.Equal(villages.Where(village => village.GetUniformHashCode() > median || village.GetUniformHashCode() == 0).ToHashSet(), wrapping);
        Assert.Equal(villages.Count, lower.Count + wrapping.Count);
    }

    protected static ReminderEntry Reminder(GrainId grain, string name, DateTime? startAt = null) =>
        new() { GrainId = grain, ReminderName = name, StartAt = startAt ?? ElevenPm, Period = TimeSpan.FromDays(1) };
}

public sealed class InMemoryReminderTableTests : ReminderTableConformance
{
    protected override Task<StorageProvider> StartAsync() => StorageProvider.InMemoryAsync();
}

/// <summary>A reminder table that outlives the silo: what a restart must keep.</summary>
public abstract class DurableReminderTableConformance : ReminderTableConformance
{
    [Fact]
    public async Task Reminders_survive_a_restart_on_the_same_store()
    {
        var village = GrainId.Create("village", "ngoc-lac/cao-thinh/lang-moi");
        var etag = await Provider.Reminders.UpsertRow(Reminder(village, "night-close"));

        await Provider.ReopenAsync();

        Assert.Equal(etag, (await Provider.Reminders.ReadRow(village, "night-close"))?.ETag);
    }
}

public sealed class SqliteReminderTableTests : DurableReminderTableConformance
{
    protected override Task<StorageProvider> StartAsync() => StorageProvider.SqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresReminderTableTests(PostgresServer postgres) : DurableReminderTableConformance
{
    protected override Task<StorageProvider> StartAsync() => StorageProvider.PostgresAsync(postgres.Server);
}
