
namespace GongGrid.Grains.Interfaces;

/// <summary>
/// A village (thôn), keyed "district/commune/village": hears its gongs, decides each night's outcome when the
/// window closes (a durable reminder), raises alarms, and reports up to its commune.
/// </summary>
[Alias("gonggrid.IVillageGrain")]
public interface IVillageGrain : IGrainWithStringKey
{
    /// <summary>Sets the village from its roster entry and schedules the nightly finalisation.</summary>
    Task ConfigureAsync(VillageSetup setup);

    /// <summary>Records a strike; a repeated event id is a duplicate and changes nothing.</summary>
    Task<EventDisposition> RecordStrikeAsync(HeardStrike strike);

    /// <summary>Raises (or adds its kind to) an alarm from a button press.</summary>
    Task<EventDisposition> RecordAlarmButtonAsync(PressedAlarm press);

    /// <summary>Records a smart-speaker playback; a peace playback can give the night's signal.</summary>
    Task<EventDisposition> RecordPlaybackAsync(HeardPlayback playback);

    /// <summary>A device of this village changed health or condition.</summary>
    Task RecordDeviceStatusAsync(DeviceStatus status);

    /// <summary>An officer takes charge of an alarm.</summary>
    Task<Alarm> AcknowledgeAlarmAsync(string alarmId, string officer);

    /// <summary>The alarm is over; the note says what happened.</summary>
    Task<Alarm> ResolveAlarmAsync(string alarmId, string officer, string note);

    /// <summary>
    /// The outcome for a night (pending while its window is open). Interleaves with every other call: its commune
    /// asks it while the village may be waiting on that commune, and it only reads.
    /// </summary>
    [AlwaysInterleave]
    Task<VillageNight> GetNightAsync(DateOnly night);

    /// <summary>The last <paramref name="nights"/> final outcomes, newest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<VillageNight>> GetHistoryAsync(int nights);

    /// <summary>What each striker is owed for a month.</summary>
    Task<VillageAllowances> GetAllowancesAsync(int year, int month);

    /// <summary>The village's line in the quarterly commune report.</summary>
    Task<VillageQuarter> GetQuarterAsync(Quarter quarter);
}
