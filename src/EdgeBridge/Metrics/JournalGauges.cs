using System.Diagnostics.Metrics;
using GongGrid.EdgeBridge.Journal;

namespace GongGrid.EdgeBridge.Metrics;

/// <summary>
/// The journal's depth and the age of its oldest unacknowledged event, read from the journal at each scrape.
/// Disposed before the journal closes, so no scrape reads a closed journal.
/// </summary>
public sealed class JournalGauges : IDisposable
{
    private readonly Meter _meter = new(BridgeMetrics.MeterName);

    public JournalGauges(EventJournal journal, TimeProvider clock)
    {
        _meter.CreateObservableGauge(
            "gonggrid.bridge.journal.depth", () => journal.GetMetrics().Depth, description: "Events in the journal not yet acknowledged by the grid.");
        _meter.CreateObservableGauge(
            "gonggrid.bridge.oldest_unacknowledged",
            () => journal.GetMetrics().OldestUnacknowledgedAppendedAt is { } appended ? (clock.GetUtcNow() - appended).TotalSeconds : 0,
            unit: "s",
            description: "Age of the oldest event the grid has not acknowledged.");
    }

    public void Dispose() => _meter.Dispose();
}
