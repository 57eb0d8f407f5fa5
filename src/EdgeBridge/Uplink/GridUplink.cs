using Google.Protobuf.WellKnownTypes;
using GongGrid.Api.V1;
using GongGrid.EdgeBridge.Intake;
using GongGrid.EdgeBridge.Journal;
using GongGrid.EdgeBridge.Metrics;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace GongGrid.EdgeBridge.Uplink;

/// <summary>
/// Forwards the journal to the grid over one IngestService stream at a time. Each event carries its journal
/// sequence; the grid's acknowledgement releases it from the journal. When the stream breaks, the next one starts
/// again at the journal's watermark, so everything unacknowledged is sent again (the grid de-duplicates).
/// Commands coming down the stream are published to the devices. The channel (<see cref="GridChannel"/>) carries the
/// token. With several silos (<see cref="GridSilos"/>) a broken stream moves the bridge to the next silo at once; only
/// when every silo failed in a row does it back off.
/// </summary>
public sealed class GridUplink(
    GridSilos silos,
    UplinkOptions options,
    EventJournal journal,
    DeviceDirectory directory,
    CommandPublisher commands,
    BridgeMetrics metrics,
    TimeProvider clock,
    ILogger<GridUplink> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await StreamAsync(() => failures = 0, cancellationToken);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                metrics.SetLink(up: false);
                var failed = silos.Address;
                var round = failures++ / silos.Count;
                silos.MoveOn();
                var delay = failures % silos.Count == 0 ? ReconnectBackoff.Delay(round, options.ReconnectDelayMin, options.ReconnectDelayMax, Random.Shared) : TimeSpan.Zero;
                logger.LogWarning("Uplink to {Address} down ({Reason}); trying {Next} in {Delay:F1} s", failed, Reason(error), silos.Address, delay.TotalSeconds);
                await Task.Delay(delay, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: the stream ends however the transport reports it (cancelled, or reset).
            }
        }

        metrics.SetLink(up: false);
    }

    private async Task StreamAsync(Action connected, CancellationToken cancellationToken)
    {
        var client = silos.Client;
        var roster = await client.GetBridgeRosterAsync(new BridgeRosterRequest(), deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken);
        await directory.UpdateAsync(roster, cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stream = client.Ingest(cancellationToken: stop.Token);
        using var window = new SemaphoreSlim(options.MaxUnacknowledged);
        metrics.SetLink(up: true);
        connected();
        logger.LogInformation("Uplink to {Address} up; resending from journal sequence {Watermark}", silos.Address, journal.Watermark);
        var receiving = ReceiveAsync(stream.ResponseStream, window, stop.Token);
        var sending = SendAsync(stream.RequestStream, window, stop.Token);
        var ended = await Task.WhenAny(receiving, sending);
        await stop.CancelAsync();
        await ended;
        throw new RpcException(new Status(StatusCode.Unavailable, "the grid ended the ingest stream"));
    }

    private async Task SendAsync(IClientStreamWriter<IngestRequest> requests, SemaphoreSlim window, CancellationToken cancellationToken)
    {
        using var reader = journal.OpenReader();
        while (true)
        {
            var records = await reader.ReadAsync(options.BatchSize, cancellationToken);
            var batch = new IngestRequest();
            foreach (var record in records)
            {
                await window.WaitAsync(cancellationToken);
                var deviceEvent = DeviceEvent.Parser.ParseFrom(record.Payload.Span);
                deviceEvent.BridgeSequence = record.Sequence;
                batch.Events.Add(deviceEvent);
            }

            batch.SentAt = Timestamp.FromDateTimeOffset(clock.GetUtcNow());
            await requests.WriteAsync(batch, cancellationToken);
            metrics.OnForwarded(batch.Events.Count);
        }
    }

    private async Task ReceiveAsync(IAsyncStreamReader<IngestResponse> responses, SemaphoreSlim window, CancellationToken cancellationToken)
    {
        await foreach (var response in responses.ReadAllAsync(cancellationToken))
        {
            if (response.BodyCase == IngestResponse.BodyOneofCase.Command)
            {
                _ = commands.PublishAsync(response.Command).ContinueWith(
                    failed => logger.LogWarning(failed.Exception, "Command {Command} for {Device} was not published", response.Command.CommandId, response.Command.DeviceKey),
                    CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                continue;
            }

            foreach (var ack in response.Acks.Acks)
            {
                journal.Acknowledge(ack.BridgeSequence);
                metrics.OnAcknowledged(ack.Disposition == Disposition.Duplicate);
                if (ack.Disposition == Disposition.Rejected)
                {
                    metrics.OnRejected("grid");
                    logger.LogWarning("The grid refused {Event} from {Device}: {Reason}", ack.EventId, ack.DeviceKey, ack.Reason);
                }
            }

            if (response.Acks.Acks.Count > 0)
            {
                window.Release(response.Acks.Acks.Count);
            }
        }
    }

    private static string Reason(Exception error) => error is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : error.Message;
}
