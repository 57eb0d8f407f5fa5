using GongGrid.Api.Mapping;
using GongGrid.Api.V1;
using GongGrid.Grains.Interfaces;
using GongGrid.Grains.Interfaces.Roster;
using Grpc.Core;
using GongGrid.Silo.Api.Mapping;
using GongGrid.Silo.Api.Security;
using GongGrid.Silo.Api.Streams;
using Alarm = GongGrid.Api.V1.Alarm;
using AlarmKind = GongGrid.Api.V1.AlarmKind;
using DeviceKind = GongGrid.Grains.Interfaces.DeviceKind;

namespace GongGrid.Silo.Api.Services;

/// <summary>Alarms for police: list, take charge, resolve, watch live, and sound on the commune's speakers.</summary>
public sealed class AlarmApi(IGrainFactory grains, AlarmFeed feed, BridgeRegistry bridges, SiloStopping stopping) : AlarmService.AlarmServiceBase
{
    public override async Task<AlarmList> ListLiveAlarms(ListLiveAlarmsRequest request, ServerCallContext context)
    {
        var key = Authorize(context, RequestFields.DistrictOrCommune(request.DistrictKey, request.CommuneKey));
        var reply = new AlarmList();
        reply.Alarms.AddRange((await LiveAlarms(key)).Select(alarm => alarm.ToProto()));
        return reply;
    }

    public override async Task<Alarm> AcknowledgeAlarm(AcknowledgeAlarmRequest request, ServerCallContext context)
    {
        var villageKey = Authorize(context, RequestFields.VillageKey(request.VillageKey));
        var alarmId = RequestFields.Required(request.AlarmId, "alarm_id", 200);
        var officer = TokenAuthentication.CallerOf(context).Name;
        return (await grains.GetGrain<IVillageGrain>(villageKey).AcknowledgeAlarmAsync(alarmId, officer)).ToProto();
    }

    public override async Task<Alarm> ResolveAlarm(ResolveAlarmRequest request, ServerCallContext context)
    {
        var villageKey = Authorize(context, RequestFields.VillageKey(request.VillageKey));
        var alarmId = RequestFields.Required(request.AlarmId, "alarm_id", 200);
        var note = RequestFields.Required(request.Note, "note", 2000);
        var officer = TokenAuthentication.CallerOf(context).Name;
        return (await grains.GetGrain<IVillageGrain>(villageKey).ResolveAlarmAsync(alarmId, officer, note)).ToProto();
    }

    public override async Task WatchAlarms(WatchAlarmsRequest request, IServerStreamWriter<AlarmEvent> responses, ServerCallContext context)
    {
        var key = Authorize(context, RequestFields.DistrictOrCommune(request.DistrictKey, request.CommuneKey));
        // Headers now, so a dashboard learns at once that its watch is live, even with no alarm to send yet.
        await context.WriteResponseHeadersAsync([]);
        // Watch before the snapshot, so no change falls between the two; a change seen twice is harmless.
        using var watcher = await feed.WatchAsync(key);
        foreach (var alarm in await LiveAlarms(key))
        {
            await responses.WriteAsync(new AlarmEvent { Alarm = alarm.ToProto(), Snapshot = true });
        }

        using var open = stopping.Link(context);
        try
        {
            await foreach (var alarm in watcher.Changes.Reader.ReadAllAsync(open.Token))
            {
                await responses.WriteAsync(new AlarmEvent { Alarm = alarm.ToProto() });
            }
        }
        catch (WatcherTooSlowException slow)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, slow.Message));
        }
        catch (AlarmFeedInterruptedException interrupted)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, interrupted.Message));
        }
        catch (OperationCanceledException) when (stopping.Ended(context))
        {
            throw SiloStopping.Unavailable("watch again");
        }
    }

    public override async Task<SoundAlarmReply> SoundAlarmOnSpeakers(SoundAlarmRequest request, ServerCallContext context)
    {
        var communeKey = Authorize(context, RequestFields.CommuneKey(request.CommuneKey));
        if (request.Kind != AlarmKind.Unspecified && request.Kind.ToDomain() is null)
        {
            throw RequestFields.Invalid($"kind {(int)request.Kind} is not an alarm kind; use fire, flood, crime, violence, disaster or other (or leave it unspecified)");
        }

        var setup = await grains.GetGrain<ICommuneGrain>(communeKey).GetSetupAsync();
        var kind = request.Kind.ToDomain() ?? Grains.Interfaces.AlarmKind.Unknown;
        var speakersByVillage = await Task.WhenAll(setup.Villages.Select(async village => (village.Key, Commands:
            (await grains.GetGrain<IVillageRosterGrain>(village.Key).GetAsync()).Devices
                .Where(device => device.Kind == DeviceKind.Speaker)
                .Select(speaker => PlayAlarm(village.Key, speaker, kind)).ToList())));
        var taken = await bridges.SendAsync(communeKey, [.. speakersByVillage.SelectMany(village => village.Commands)]);
        var reply = new SoundAlarmReply();
        foreach (var (village, commands) in speakersByVillage)
        {
            var sent = commands.Count(command => taken.Contains(command.CommandId));
            reply.Speakers += commands.Count;
            reply.CommandsSent += sent;
            if (sent < commands.Count)
            {
                reply.UnreachableVillages.Add(village);
            }
        }

        return reply;
    }

    private static PlayCommand PlayAlarm(string villageKey, DeviceRoster speaker, Grains.Interfaces.AlarmKind kind) =>
        new(Guid.NewGuid().ToString("N"), GrainKeys.Child(villageKey, speaker.Slug), Grains.Interfaces.PlaybackProgram.Alarm, kind);

    private async Task<IEnumerable<Grains.Interfaces.Alarm>> LiveAlarms(string key)
    {
        await grains.EnsureInRosterAsync(key);
        return (await grains.GetGrain<IDistrictGrain>(GrainKeys.District(key)).GetLiveAlarmsAsync())
            .Where(alarm => GrainKeys.IsWithin(alarm.VillageKey, key));
    }

    private static string Authorize(ServerCallContext context, string key) =>
        TokenAuthentication.AuthorizePolice(context, nameof(AlarmService), key);
}
