using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Grains.Rules;

namespace GongGrid.Simulator.Night;

/// <summary>One village's devices as the simulator drives them: each device numbers its own events.</summary>
internal sealed class VillageDevices(string villageKey, VillageRoster village, Random random, NightMix mix)
{
    private readonly Dictionary<string, long> _sequences = [];
    private readonly Dictionary<string, TimeSpan> _clockErrors = village.Devices
        .Where(device => device.Kind == DeviceKind.Gong && random.NextDouble() < mix.SkewedClocks)
        .ToDictionary(device => device.Slug, _ => TimeSpan.FromMinutes(7));

    private DeviceRoster? Gong => village.Devices.FirstOrDefault(device => device.Kind == DeviceKind.Gong && device.Condition != DeviceCondition.Lost);

    /// <summary>Live devices report every <paramref name="every"/> through the night; dead ones stay silent and go offline.</summary>
    public void Heartbeats(DateTimeOffset from, DateTimeOffset until, TimeSpan every, List<PlannedEvent> events)
    {
        foreach (var device in village.Devices.Where(_ => random.NextDouble() >= mix.DeadDevices))
        {
            var battery = random.Next(15, 100);
            for (var at = from.AddSeconds(random.Next(0, (int)every.TotalSeconds)); at < until; at += every)
            {
                var level = battery;
                events.Add(Plan(device, at, (id, time, sequence) => new HeartbeatEvent(id, time, sequence, level, random.Next(-110, -60))));
            }
        }
    }

    public void PeaceRound(VillageBehaviour behaviour, NightWindow window, int peaceStrikes, List<PlannedEvent> events)
    {
        if (behaviour == VillageBehaviour.Silent || Gong is not { } gong)
        {
            return;
        }
        var (fromPeaceTime, strikes) = NightPlan.Round(behaviour, window, peaceStrikes, random);
        var striker = village.Strikers.Count > 0 && random.NextDouble() < 0.5 ? village.Strikers[random.Next(village.Strikers.Count)].Id : null;
        for (var strike = 0; strike < strikes; strike++)
        {
            var at = window.PeaceAt + fromPeaceTime + (strike * NightPlan.Gap) + TimeSpan.FromMilliseconds(random.Next(-300, 300));
            var planned = Plan(gong, at, (id, time, sequence) => new StrikeEvent(id, time, sequence, striker));
            events.Add(planned);
            if (random.NextDouble() < mix.Duplicates)
            {
                events.Add(planned with { At = at.AddSeconds(random.Next(1, 30)) });
            }
        }
    }

    public void PeacePlayback(DateTimeOffset at, List<PlannedEvent> events)
    {
        if (village.Devices.FirstOrDefault(device => device.Kind == DeviceKind.Speaker) is { } speaker)
        {
            events.Add(Plan(speaker, at, (id, time, sequence) => new PlaybackEvent(id, time, sequence, PlaybackProgram.Peace)));
        }
    }

    /// <summary>Three groups of 3 rapid strikes, then (where there is one) a button press saying what it is.</summary>
    public void Alarm(DateTimeOffset at, List<PlannedEvent> events)
    {
        if (Gong is { } gong)
        {
            for (var strike = 0; strike < 9; strike++)
            {
                var time = at + TimeSpan.FromSeconds(6 * (strike / 3)) + TimeSpan.FromMilliseconds(400 * (strike % 3));
                events.Add(Plan(gong, time, (id, deviceTime, sequence) => new StrikeEvent(id, deviceTime, sequence)));
            }
        }
        if (village.Devices.FirstOrDefault(device => device.Kind == DeviceKind.AlarmButton) is { } button)
        {
            var kind = (AlarmKind)random.Next((int)AlarmKind.Fire, (int)AlarmKind.Other + 1);
            events.Add(Plan(button, at.AddSeconds(45), (id, time, sequence) => new AlarmButtonEvent(id, time, sequence, kind)));
        }
    }

    private PlannedEvent Plan(DeviceRoster device, DateTimeOffset at, Func<string, DateTimeOffset, long, DeviceEvent> create)
    {
        var sequence = _sequences[device.Slug] = _sequences.GetValueOrDefault(device.Slug) + 1;
        var deviceTime = at + _clockErrors.GetValueOrDefault(device.Slug);
        return new PlannedEvent(at, $"{villageKey}/{device.Slug}", create($"{device.Slug}-{sequence:D6}", deviceTime, sequence));
    }
}
