using System.Diagnostics.Metrics;
using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GongGrid.Silo.Metrics;

/// <summary>
/// Tonight's outcome counts per commune and the live alarms per district, as observable gauges on the
/// <see cref="IngestMeter.MeterName"/> meter. A gauge's callback runs on the scraper's request and must not wait
/// on grains, so a loop reads the district grains every <see cref="MetricsOptions.NightRefresh"/> and the
/// gauges report the last reading. Every silo of a cluster reports the same figures; alert rules take the max.
/// </summary>
public sealed class TonightGauges : BackgroundService
{
    private static readonly NightOutcomeKind[] Outcomes = Enum.GetValues<NightOutcomeKind>();

    private readonly IGrainFactory _grains;
    private readonly IReadOnlyList<string> _districts;
    private readonly TimeSpan _refresh;
    private readonly TimeProvider _clock;
    private readonly ILogger<TonightGauges> _logger;
    private volatile IReadOnlyList<DistrictTonight> _tonight = [];

    public TonightGauges(
        IGrainFactory grains, IMeterFactory meters, IReadOnlyList<string> districts, TimeSpan refresh,
        [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock, ILogger<TonightGauges> logger)
    {
        _grains = grains;
        _districts = districts;
        _refresh = refresh;
        _clock = clock;
        _logger = logger;
        var meter = meters.Create(IngestMeter.MeterName);
        meter.CreateObservableGauge("gonggrid.night.villages", CommuneCounts, description: "Villages per outcome tonight, per commune (outcome: on_time, speaker_playback, early, late, incomplete, missed, pending).");
        meter.CreateObservableGauge("gonggrid.night.final", () => _tonight.Select(district => Measure(district.Summary.IsFinal ? 1 : 0, district)), description: "1 once every village of the district has closed tonight (its summary is final).");
        meter.CreateObservableGauge("gonggrid.alarms.live", () => _tonight.Select(district => Measure(district.LiveAlarms, district)), description: "Alarms raised or acknowledged and not yet resolved, per district.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_refresh);
        do
        {
            var readings = new List<DistrictTonight>();
            foreach (var district in _districts)
            {
                if (await ReadAsync(district) is { } reading)
                {
                    readings.Add(reading);
                }
            }
            _tonight = readings;
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<DistrictTonight?> ReadAsync(string districtKey)
    {
        var district = _grains.GetGrain<IDistrictGrain>(districtKey);
        try
        {
            var night = NightCalendar.Current(_clock.GetUtcNow(), (await district.GetSetupAsync()).Settings);
            var summary = await district.GetNightSummaryAsync(night);
            return new DistrictTonight(summary, (await district.GetLiveAlarmsAsync()).Count);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A district not imported yet, or storage down: its gauges go missing until a reading succeeds.
            _logger.LogWarning("Tonight's metrics for district {District} could not be read: {Error}", districtKey, error.Message);
            return null;
        }
    }

    private IEnumerable<Measurement<int>> CommuneCounts() =>
        from district in _tonight
        from commune in district.Summary.Communes
        from outcome in Outcomes
        select new Measurement<int>(
            commune.Counts.Of(outcome),
            new("district", district.Summary.DistrictKey),
            new("commune", commune.CommuneKey),
            new("outcome", OutcomeLabel(outcome)));

    private static Measurement<int> Measure(int value, DistrictTonight district) => new(value, new KeyValuePair<string, object?>("district", district.Summary.DistrictKey));

    private static string OutcomeLabel(NightOutcomeKind outcome) => outcome switch
    {
        NightOutcomeKind.OnTime => "on_time",
        NightOutcomeKind.SpeakerPlayback => "speaker_playback",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    private sealed record DistrictTonight(DistrictNightSummary Summary, int LiveAlarms);
}
