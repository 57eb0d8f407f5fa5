using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Rules;
using GongGrid.Grains.Storage;

namespace GongGrid.Grains.Villages;

/// <summary>Each night's outcome: provisional while the window is open, final once the night-close reminder fires.</summary>
public sealed partial class VillageGrain
{
    /// <summary>A silo down for longer than this many nights finalises only the most recent ones on return.</summary>
    private const int MaxNightsToCatchUp = 7;

    /// <summary>A night-close tick this long or less before the close, by this silo's clock, came early.</summary>
    private static readonly TimeSpan EarlyTickAllowance = TimeSpan.FromHours(1);

    /// <summary>
    /// The silo that holds a village's reminder may run a little ahead of the silo the village lives on (two
    /// machines' clocks; in tests, two processes' accelerated clocks): a tick that comes before this silo's clock says
    /// the night closed finalises nothing, and the next tick is a day away. Then a grain timer finalises when this
    /// silo's clock reaches the close.
    /// </summary>
    private async Task CloseNightsAsync()
    {
        await FinaliseClosedNightsAsync();
        var untilClose = UntilNextClose();
        if (untilClose < EarlyTickAllowance)
        {
            this.RegisterGrainTimer(_ => FinaliseClosedNightsAsync(), new GrainTimerCreationOptions
            {
                DueTime = untilClose + TimeSpan.FromSeconds(1),
                Period = Timeout.InfiniteTimeSpan,
                KeepAlive = true,
            });
        }
    }

    /// <summary>How long until the next night closes, by this silo's clock.</summary>
    private TimeSpan UntilNextClose()
    {
        var now = clock.GetUtcNow();
        return NightCalendar.NextClose(now, Settings) - now;
    }

    /// <summary>
    /// Orleans merges the ticks a silo missed while it was down into one, and may deliver it late: so a tick does
    /// not say which night closed. Every night that closed since the last final one is finalised here, and again
    /// on activation in case no tick comes; a night already final is never finalised twice.
    /// </summary>
    private async Task FinaliseClosedNightsAsync()
    {
        if (profile.State.Key is null)
        {
            return;
        }
        var finalised = new List<VillageNight>();
        foreach (var night in NightsAwaitingFinalOutcome())
        {
            var outcome = Evaluate(night);
            Store(outcome);
            finalised.Add(outcome);
        }
        if (finalised.Count == 0)
        {
            return;
        }
        await profile.WriteOrDeactivateAsync(this);
        foreach (var night in finalised)
        {
            await Commune.RecordVillageNightAsync(night);
        }
    }

    /// <summary>Closed nights since the last final one (or since the village joined the roster), oldest first.</summary>
    private IEnumerable<DateOnly> NightsAwaitingFinalOutcome()
    {
        var latest = NightCalendar.LatestNightClosedBy(clock.GetUtcNow(), Settings);
        var firstOwned = NightCalendar.NextToClose(profile.State.ConfiguredAt, Settings).Night;
        var afterLastFinal = profile.State.Nights.Count > 0 ? profile.State.Nights[^1].Outcome.Night.AddDays(1) : firstOwned;
        var first = new[] { firstOwned, afterLastFinal, latest.AddDays(1 - MaxNightsToCatchUp) }.Max();
        for (var night = first; night <= latest; night = night.AddDays(1))
        {
            yield return night;
        }
    }

    /// <summary>
    /// Re-judges the night an event at <paramref name="at"/> belongs to; returns it when the commune must hear of it:
    /// when its kind changed (the counts) or it became final. A round growing strike by strike changes only its
    /// count, which the commune reads from the village when asked, so most strikes send nothing up.
    /// </summary>
    private VillageNight? Reevaluate(DateTimeOffset at)
    {
        if (NightCalendar.NightOf(at, Settings) is not { } night)
        {
            return null;
        }
        var updated = Evaluate(night);
        var recorded = Recorded(night);
        if (updated == recorded)
        {
            return null;
        }
        Store(updated);
        return updated.Outcome.IsFinal || updated.Outcome.Kind != recorded?.Outcome.Kind ? updated : null;
    }

    /// <summary>The recorded outcome of a night, or the outcome judged now from what was heard.</summary>
    private VillageNight NightOf(DateOnly night) => Recorded(night) ?? Evaluate(night);

    /// <summary>The final outcome in the history, or the provisional one of tonight, or null when none was recorded.</summary>
    private VillageNight? Recorded(DateOnly night) =>
        profile.State.Nights.FindLast(recorded => recorded.Outcome.Night == night)
        ?? (signals.State.Tonight is { } tonight && tonight.Outcome.Night == night ? tonight : null);

    private VillageNight Evaluate(DateOnly night)
    {
        var window = NightCalendar.Window(night, Settings);
        var strikesByGong = signals.State.Strikes
            .GroupBy(strike => strike.DeviceSlug, strike => strike.At)
            .Select(IReadOnlyList<DateTimeOffset> (gong) => [.. gong]);
        var peacePlaybacks = signals.State.Playbacks
            .Where(playback => playback.Program == PlaybackProgram.Peace)
            .Select(playback => playback.At)
            .ToList();
        var isFinal = clock.GetUtcNow() >= window.ClosesAt;
        var outcome = NightOutcomeRule.Evaluate(window, strikesByGong, peacePlaybacks, Settings, isFinal);
        return new VillageNight(Key, outcome, StrikerFor(window));
    }

    /// <summary>The striker a sensor named during the window, else the one on the rota.</summary>
    private string? StrikerFor(NightWindow window) =>
        signals.State.Strikes.LastOrDefault(strike => strike.StrikerId is not null && window.Contains(strike.At))?.StrikerId
        ?? StrikerRota.OnDuty(profile.State.StrikerIds, window.Night);

    private void Store(VillageNight night)
    {
        if (!night.Outcome.IsFinal)
        {
            signals.State.Tonight = night;
            return;
        }
        var nights = profile.State.Nights;
        nights.RemoveAll(recorded => recorded.Outcome.Night == night.Outcome.Night);
        var index = nights.FindLastIndex(recorded => recorded.Outcome.Night < night.Outcome.Night) + 1;
        nights.Insert(index, night);
        if (nights.Count > VillageProfile.NightsKept)
        {
            nights.RemoveRange(0, nights.Count - VillageProfile.NightsKept);
        }
    }
}
