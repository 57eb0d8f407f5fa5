using System.Collections.Concurrent;
using GongGrid.Api.V1;
using Grpc.Core;

namespace GongGrid.Testing.Cluster;

/// <summary>
/// Sends batches as an edge bridge does with its journal: a batch counts as delivered only when acknowledged; when
/// the stream fails (its silo killed, frozen or stopping) the sender moves to the next live silo and sends the
/// unacknowledged batch again, until <see cref="ClusterTimings.BatchDeadline"/>.
/// </summary>
public sealed class FailoverSender(Func<IReadOnlyList<ClusterSilo>> liveSilos, int firstSilo)
{
    private int _next = firstSilo;

    /// <summary>Every acknowledgement, by "device#event"; an event acknowledged twice (resent) keeps its last.</summary>
    public ConcurrentDictionary<string, EventAck> Acks { get; } = new();

    public int BatchesAcknowledged;

    public int Failovers;

    /// <summary>Why streams failed, for an assertion's message.</summary>
    public ConcurrentQueue<string> Failures { get; } = new();

    /// <summary>One sender per bridge, each starting on a different silo of the cluster, as bridges spread over it.</summary>
    public static List<FailoverSender> Bridges(SiloCluster cluster, int count = 3) =>
        [.. Enumerable.Range(0, count).Select(index => new FailoverSender(() => cluster.Live, firstSilo: index))];

    /// <summary>Sends the burst shared among <paramref name="senders"/>: batch i goes to sender i mod their count.</summary>
    public static Task SendSharedAsync(IReadOnlyList<FailoverSender> senders, IReadOnlyList<DeviceEvent[]> batches) =>
        Task.WhenAll(senders.Select((sender, index) => sender.SendAsync(batches.Where((_, batch) => batch % senders.Count == index))));

    public async Task SendAsync(IEnumerable<DeviceEvent[]> batches)
    {
        BridgeStream? stream = null;
        try
        {
            foreach (var batch in batches)
            {
                var deadline = DateTime.UtcNow + ClusterTimings.BatchDeadline;
                while (true)
                {
                    try
                    {
                        stream ??= new BridgeStream(PickSilo());
                        foreach (var ack in (await stream.SendAsync(batch)).Acks)
                        {
                            Acks[$"{ack.DeviceKey}#{ack.EventId}"] = ack;
                        }
                        Interlocked.Increment(ref BatchesAcknowledged);
                        break;
                    }
                    catch (Exception error) when (error is RpcException or IOException or OperationCanceledException or InvalidOperationException && DateTime.UtcNow < deadline)
                    {
                        Failures.Enqueue($"{stream?.Silo.Name}: {error.GetType().Name}: {error.Message}");
                        if (stream is not null)
                        {
                            await stream.DisposeAsync();
                        }
                        stream = null;
                        Interlocked.Increment(ref Failovers);
                        _next++;
                        await Task.Delay(TimeSpan.FromMilliseconds(250));
                    }
                }
            }
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private ClusterSilo PickSilo()
    {
        var live = liveSilos();
        return live.Count == 0 ? throw new InvalidOperationException("no silo is up") : live[_next % live.Count];
    }
}
