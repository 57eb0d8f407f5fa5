using GongGrid.Api.Mapping;
using GongGrid.Api.V1;
using GongGrid.Grains.Ingest;
using GongGrid.Grains.Interfaces;
using Grpc.Core;
using GongGrid.Silo.Api.Mapping;
using GongGrid.Silo.Api.Security;
using GongGrid.Silo.Api.Streams;
using GongGrid.Silo.Metrics;
using DeviceEvent = GongGrid.Api.V1.DeviceEvent;
using Microsoft.Extensions.DependencyInjection;

namespace GongGrid.Silo.Api.Services;

/// <summary>
/// Edge bridges' uplink. Batches are applied concurrently (up to <see cref="BatchesInFlight"/> per stream, the
/// events of a batch in parallel) and each batch is acknowledged once every event in it is persisted by its
/// grain. A failure that might be temporary (storage, timeouts) ends the stream without acknowledging, so the
/// bridge sends the events again; events that can never apply are acknowledged REJECTED with the reason.
/// </summary>
public sealed class IngestApi(
    IGrainFactory grains, BridgeRegistry bridges, SiloStopping stopping, IngestMeter meter, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock)
    : IngestService.IngestServiceBase
{
    private const int BatchesInFlight = 8;
    private readonly DeviceEventIngest _ingest = new(grains);

    public override async Task Ingest(IAsyncStreamReader<IngestRequest> requests, IServerStreamWriter<IngestResponse> responseStream, ServerCallContext context)
    {
        var caller = TokenAuthentication.CallerOf(context);
        caller.RequireRole(nameof(IngestService), CallerRole.EdgeBridge);
        // Headers now, so the bridge learns at once that the grid took its stream, before any batch is acknowledged.
        await context.WriteResponseHeadersAsync([]);
        using var responses = new OneWriteAtATime<IngestResponse>(responseStream, context.CancellationToken);
        await using var link = await bridges.ConnectAsync(caller.Name, caller.Scopes, command => responses.WriteAsync(new IngestResponse { Command = command }));
        using var slots = new SemaphoreSlim(BatchesInFlight);
        using var open = stopping.Link(context);
        var batches = new List<Task>();
        try
        {
            await foreach (var request in requests.ReadAllAsync(open.Token))
            {
                meter.OnReceived(request.Events.Count);
                foreach (var deviceEvent in request.Events)
                {
                    if (IsDeviceKey(deviceEvent.DeviceKey))
                    {
                        caller.RequireScope(GrainKeys.Parent(deviceEvent.DeviceKey));
                    }
                }

                await slots.WaitAsync(open.Token);
                batches.RemoveAll(batch => batch.IsCompletedSuccessfully);
                batches.Add(AcknowledgeAsync(request, responses, slots));
                if (batches.FirstOrDefault(batch => batch.IsFaulted) is { } failed)
                {
                    await failed;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.Ended(context))
        {
            // The batches already read are acknowledged first, so the bridge sends again only what is unacknowledged.
            await Task.WhenAll(batches);
            throw SiloStopping.Unavailable("reconnect and send the unacknowledged events again");
        }
        finally
        {
            // However the stream ends, batches still running finish before their semaphore and stream go away.
            await Task.WhenAll(batches).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await Task.WhenAll(batches);
    }

    public override async Task<BridgeRoster> GetBridgeRoster(BridgeRosterRequest request, ServerCallContext context)
    {
        var caller = TokenAuthentication.CallerOf(context);
        caller.RequireRole(nameof(IngestService), CallerRole.EdgeBridge);
        var villages = await Task.WhenAll(caller.Scopes.Select(async village => (Key: village, Roster: await grains.GetGrain<IVillageRosterGrain>(village).GetAsync())));
        var reply = new BridgeRoster();
        reply.Devices.AddRange(villages.SelectMany(village => village.Roster.Devices.Select(device =>
            new BridgeDevice { DeviceKey = GrainKeys.Child(village.Key, device.Slug), Kind = device.Kind.ToProto() })));
        return reply;
    }

    private async Task AcknowledgeAsync(IngestRequest request, OneWriteAtATime<IngestResponse> responses, SemaphoreSlim slots)
    {
        try
        {
            var acks = new EventAcks();
            // A sent_at that is no time at all corrects nothing: the events still apply, on their received_at as sent.
            var bridgeClockBehind = ProtoEvents.Instant(request.SentAt) is { } sentAt ? clock.GetUtcNow() - sentAt : TimeSpan.Zero;
            acks.Acks.AddRange(await Task.WhenAll(request.Events.Select(proto => ApplyAsync(proto, bridgeClockBehind))));
            await responses.WriteAsync(new IngestResponse { Acks = acks });
            meter.OnAcknowledged(acks.Acks);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<EventAck> ApplyAsync(DeviceEvent proto, TimeSpan bridgeClockBehind)
    {
        var ack = new EventAck { DeviceKey = proto.DeviceKey, EventId = proto.EventId, BridgeSequence = proto.BridgeSequence };
        var (domain, rejection) = ProtoEvents.ToDomain(proto, bridgeClockBehind);
        if (domain is null)
        {
            return Rejected(ack, rejection!);
        }

        try
        {
            var receipt = await _ingest.IngestAsync(proto.DeviceKey, domain);
            ack.Disposition = receipt.Disposition switch
            {
                EventDisposition.Applied => Disposition.Applied,
                EventDisposition.Duplicate => Disposition.Duplicate,
                _ => Disposition.Expired,
            };
            ack.ClockSkewed = receipt.ClockSkewed;
            return ack;
        }
        catch (Exception error) when (error is UnknownDeviceException or ArgumentException)
        {
            return Rejected(ack, error.Message);
        }
    }

    private static EventAck Rejected(EventAck ack, string reason)
    {
        ack.Disposition = Disposition.Rejected;
        ack.Reason = reason;
        return ack;
    }

    private static bool IsDeviceKey(string key) => GrainKeys.Depth(key) == 4;
}
