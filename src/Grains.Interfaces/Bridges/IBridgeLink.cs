namespace GongGrid.Grains.Interfaces;

/// <summary>
/// An edge bridge's ingest stream, as the silo holding it exposes it to the cluster (a grain observer): commands for
/// the bridge's devices go down it from whichever silo they were asked of.
/// </summary>
[Alias("gonggrid.IBridgeLink")]
public interface IBridgeLink : IGrainObserver
{
    /// <summary>
    /// Hands the command to the stream; throws when the stream or its silo is gone. Its answer comes within 5 s or
    /// not at all (a frozen silo), so a police officer sounding an alarm is told which villages were not reached.
    /// </summary>
    [ResponseTimeout("00:00:05")]
    Task SendAsync(PlayCommand command);
}
