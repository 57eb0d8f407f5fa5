using GongGrid.Api.V1;
using GongGrid.EdgeBridge.Devices;
using GongGrid.Grains.Roster;
using GongGrid.Silo.Tests.Support;
using GongGrid.Simulator.Night;
using GongGrid.Testing;
using GongGrid.Testing.Metrics;
using Xunit.Abstractions;

namespace GongGrid.Silo.Tests;

/// <summary>
/// Prometheus scrapes a real silo's /metrics while a simulated night of the sample district comes in over the gRPC
/// ingest stream; what the page says agrees with what the silo answers over gRPC.
/// </summary>
public sealed class MetricsDuringNightTests(ITestOutputHelper output)
{
    private const int BatchSize = 200;
    private static readonly DateOnly Night = new(2026, 11, 22);

    [Fact]
    public async Task Tonights_counts_on_the_metrics_page_match_the_night_summary_and_every_event_is_counted()
    {
        var roster = RosterReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "samples", "ngoc-lac.roster.json")).GetRosterOrThrow();
        var plan = NightPlan.For(roster, Night, new NightMix(), seed: 13);
        await using var silo = await MeteredSilo.StartAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, await silo.HealthAsync());

        var scrapes = new List<PrometheusScrape>();
        var acknowledged = 0;
        using (var stream = new IngestService.IngestServiceClient(silo.Channel).Ingest(MeteredSilo.As(silo.BridgeToken, TimeSpan.FromMinutes(4))))
        {
            foreach (var batch in plan.Chunk(BatchSize))
            {
                // Each batch goes once the grid's clock has reached its last event, as a bridge forwards what happened.
                while (silo.GridClockAtLeast < batch[^1].At)
                {
                    await Task.Delay(100);
                }
                var request = new IngestRequest();
                request.Events.AddRange(batch.Select(planned => UplinkEvent.From(planned.DeviceKey, planned.Event, planned.At)));
                await stream.RequestStream.WriteAsync(request);
                Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None), "the silo ended the ingest stream");
                acknowledged += stream.ResponseStream.Current.Acks.Acks.Count;
                scrapes.Add(await silo.ScrapeAsync());
            }
            await stream.RequestStream.CompleteAsync();
        }
        Assert.Equal(plan.Count, acknowledged);

        // Mid-night, every scrape parsed, and each commune's outcomes always added up to its villages.
        var villagesPerCommune = roster.Communes.ToDictionary(commune => $"{MeteredSilo.District}/{commune.Slug}", commune => commune.Villages.Count);
        foreach (var scrape in scrapes.Where(scrape => scrape.Has("gonggrid_night_villages")))
        {
            Assert.All(villagesPerCommune, commune => Assert.Equal(commune.Value, scrape.Sum("gonggrid_night_villages", ("commune", commune.Key))));
        }
        Assert.Contains(scrapes, scrape => scrape.Sum("gonggrid_night_villages", ("outcome", "pending")) > 0);

        var district = new DistrictService.DistrictServiceClient(silo.Channel);
        var summary = await Eventually.Until(
            () => district.GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = MeteredSilo.District, Night = "2026-11-22" }, MeteredSilo.As(silo.PoliceToken)).ResponseAsync,
            summary => summary.IsFinal && summary.Totals.Pending == 0,
            TimeSpan.FromMinutes(3));
        Assert.True(summary.IsFinal && summary.Totals.Pending == 0, $"the night did not close: {summary.Totals}");
        var final = await Eventually.Until(silo.ScrapeAsync, scrape => scrape.Sum("gonggrid_night_final", ("district", MeteredSilo.District)) == 1
            && scrape.Sum("gonggrid_night_villages", ("outcome", "pending")) == 0, TimeSpan.FromSeconds(30));
        output.WriteLine($"final: {summary.Totals}");

        foreach (var commune in summary.Communes)
        {
            var counts = commune.Counts;
            (string Outcome, int Villages)[] expected =
            [
                ("on_time", counts.OnTime), ("speaker_playback", counts.SpeakerPlayback), ("early", counts.Early), ("late", counts.Late),
                ("incomplete", counts.Incomplete), ("missed", counts.Missed), ("pending", counts.Pending),
            ];
            Assert.Equal(expected, expected.Select(pair => (pair.Outcome, (int)final.Sum("gonggrid_night_villages", ("commune", commune.CommuneKey), ("outcome", pair.Outcome)))));
        }
        Assert.True(summary.Totals.OnTime > 0 && summary.Totals.Missed > 0, $"a night with on-time and missed villages: {summary.Totals}");

        var alarms = await new AlarmService.AlarmServiceClient(silo.Channel).ListLiveAlarmsAsync(
            new ListLiveAlarmsRequest { DistrictKey = MeteredSilo.District }, MeteredSilo.As(silo.PoliceToken));
        Assert.Equal(alarms.Alarms.Count, final.Sum("gonggrid_alarms_live", ("district", MeteredSilo.District)));
        Assert.Equal(plan.Count, final.Sum("gonggrid_ingest_events_received_total"));
        Assert.Equal(plan.Count, final.Sum("gonggrid_ingest_events_acknowledged_total"));
        Assert.True(final.Sum("gonggrid_ingest_events_acknowledged_total", ("disposition", "duplicate")) > 0, "the plan's duplicate deliveries are counted as duplicates");
        // Every village's night-close reminder fired at 23:00, counted by Orleans's own meter.
        Assert.True(final.Sum("orleans_reminders_ticks_delivered_total") >= villagesPerCommune.Values.Sum(), final.Text);
        Assert.Equal("counter", final.Types["gonggrid_ingest_events_received_total"]);
        Assert.Equal("gauge", final.Types["gonggrid_night_villages"]);
    }
}
