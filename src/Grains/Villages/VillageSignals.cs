using GongGrid.Grains.Interfaces;

namespace GongGrid.Grains.Villages;

/// <summary>
/// The fast-changing half of a village's state: what it heard in the last <see cref="Retention"/>. Written on
/// every applied strike, so it is kept small; its event ids are also how duplicates are recognised.
/// </summary>
[GenerateSerializer, Alias("gonggrid.VillageSignals")]
public sealed class VillageSignals
{
    /// <summary>Signals older than this are dropped; an event older than this is no longer applied.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(48);

    /// <summary>
    /// Signals kept per device within <see cref="Retention"/>: two nights of peace rounds and a long alarm fit many
    /// times over. A device past it is faulty, and keeping its flood would make every later event cost more.
    /// </summary>
    public const int KeptPerDevice = 200;

    [Id(0)]
    public List<HeardStrike> Strikes { get; set; } = [];

    [Id(1)]
    public List<HeardPlayback> Playbacks { get; set; } = [];

    [Id(2)]
    public List<PressedAlarm> Presses { get; set; } = [];

    /// <summary>
    /// The latest provisional outcome. Once that night is final its history entry wins, so finalising (70,000
    /// villages at 23:00) writes only the profile and leaves this as it is.
    /// </summary>
    [Id(3)]
    public VillageNight? Tonight { get; set; }

    public bool Contains(string deviceSlug, string eventId) =>
        Strikes.Exists(strike => strike.EventId == eventId && strike.DeviceSlug == deviceSlug)
        || Playbacks.Exists(playback => playback.EventId == eventId && playback.DeviceSlug == deviceSlug)
        || Presses.Exists(press => press.EventId == eventId && press.DeviceSlug == deviceSlug);

    public int CountFrom(string deviceSlug) =>
        Strikes.Count(strike => strike.DeviceSlug == deviceSlug)
        + Playbacks.Count(playback => playback.DeviceSlug == deviceSlug)
        + Presses.Count(press => press.DeviceSlug == deviceSlug);

    public void DropOlderThan(DateTimeOffset cutoff)
    {
        Strikes.RemoveAll(strike => strike.At < cutoff);
        Playbacks.RemoveAll(playback => playback.At < cutoff);
        Presses.RemoveAll(press => press.At < cutoff);
    }
}
