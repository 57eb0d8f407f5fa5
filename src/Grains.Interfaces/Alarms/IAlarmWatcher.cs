namespace GongGrid.Grains.Interfaces;

/// <summary>
/// A silo's alarm feed, subscribed to a district as a grain observer: the district tells it of every alarm change it
/// records, and the feed passes the change to the alarm streams open on that silo.
/// </summary>
[Alias("gonggrid.IAlarmWatcher")]
public interface IAlarmWatcher : IGrainObserver
{
    /// <summary>
    /// An alarm was raised, acknowledged or resolved. One-way: the district sends it and goes on, so a slow or dead
    /// watcher never holds up the grain that the communes push their counts to.
    /// </summary>
    [OneWay]
    Task OnAlarmChangedAsync(Alarm alarm);
}
