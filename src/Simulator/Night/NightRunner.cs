namespace GongGrid.Simulator.Night;

/// <summary>Sends a planned night to the grid as the clock reaches each event (an accelerated clock makes a night take a minute).</summary>
public static class NightRunner
{
    /// <summary>Sends every event at its time and returns how the grid answered.</summary>
    public static async Task<NightRunReport> RunAsync(IReadOnlyList<PlannedEvent> plan, IDeviceEventSink sink, TimeProvider clock, CancellationToken cancellationToken)
    {
        var report = new NightRunReport();
        foreach (var planned in plan)
        {
            var wait = planned.At - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken);
            }
            try
            {
                report.Count(await sink.SendAsync(planned.DeviceKey, planned.Event, cancellationToken));
            }
            catch (Exception error) when (error is ArgumentException or InvalidOperationException)
            {
                report.Refused(planned.DeviceKey, error.Message);
            }
        }
        return report;
    }
}
