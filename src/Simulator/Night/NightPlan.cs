using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Rules;

namespace GongGrid.Simulator.Night;

/// <summary>
/// Plans one night of device traffic for a district: heartbeats, every village's peace round with human jitter,
/// speaker playbacks, alarms, and the faults of a real network. The same roster, night and seed give the same plan.
/// </summary>
public static class NightPlan
{
    private static readonly TimeSpan StrikeGap = TimeSpan.FromSeconds(4);

    /// <summary>How often a live device sends a heartbeat; well inside the default 30-minute offline threshold.</summary>
    private static readonly TimeSpan HeartbeatEvery = TimeSpan.FromMinutes(10);

    public static IReadOnlyList<PlannedEvent> For(DistrictRoster roster, DateOnly night, NightMix mix, int seed)
    {
        var random = new Random(seed);
        var events = new List<PlannedEvent>();
        var villages = roster.Communes
            .SelectMany(commune => commune.Villages.Select(village =>
                (Key: $"{roster.Key}/{commune.Slug}/{village.Slug}", Village: village, Settings: roster.Settings.With(commune.Overrides))))
            .ToList();
        // Alarms go to villages with a button, so the press can name what the gong pattern alone cannot.
        var alarmVillages = villages
            .OrderBy(village => village.Village.Devices.Any(device => device.Kind == DeviceKind.AlarmButton) ? 0 : 1)
            .ThenBy(_ => random.Next())
            .Take(mix.Alarms)
            .Select(village => village.Key)
            .ToHashSet();
        foreach (var (key, village, settings) in villages)
        {
            var window = NightCalendar.Window(night, settings);
            var devices = new VillageDevices(key, village, random, mix);
            devices.Heartbeats(window.OpensAt.AddMinutes(-10), window.ClosesAt, HeartbeatEvery, events);
            if (village.PeaceSignal == PeaceSignalSource.Speaker)
            {
                devices.PeacePlayback(window.PeaceAt.AddSeconds(random.Next(-5, 15)), events);
            }
            else
            {
                devices.PeaceRound(mix.Pick(random), window, settings.PeaceStrikes, events);
            }
            if (alarmVillages.Contains(key))
            {
                devices.Alarm(window.PeaceAt.AddMinutes(random.Next(15, 40)), events);
            }
        }
        return events.OrderBy(planned => planned.At).ToList();
    }

    /// <summary>Start and strike count of a round for a behaviour, with the spread real strikers show.</summary>
    internal static (TimeSpan FromPeaceTime, int Strikes) Round(VillageBehaviour behaviour, NightWindow window, int peaceStrikes, Random random)
    {
        var onTimeSpan = window.OnTimeUntil - window.OnTimeFrom;
        return behaviour switch
        {
            VillageBehaviour.Late => (window.OnTimeUntil - window.PeaceAt + TimeSpan.FromMinutes(1 + (random.NextDouble() * 30)), peaceStrikes),
            VillageBehaviour.Early => (window.OnTimeFrom - window.PeaceAt - TimeSpan.FromMinutes(1 + (random.NextDouble() * 20)), peaceStrikes),
            VillageBehaviour.Incomplete => (TimeSpan.FromSeconds(random.Next(0, 120)), random.Next(Math.Max(1, peaceStrikes - 4), peaceStrikes)),
            _ => (window.OnTimeFrom - window.PeaceAt + (onTimeSpan * (0.2 + (random.NextDouble() * 0.6))), peaceStrikes),
        };
    }

    internal static TimeSpan Gap => StrikeGap;
}
