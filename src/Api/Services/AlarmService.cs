using Google.Protobuf.Reflection;
using GongGrid.Rpc;
using GongGrid.Rpc.Client;
using GongGrid.Rpc.Server;

namespace GongGrid.Api.V1;

/// <summary>
/// Live alarms: list, acknowledge, resolve, watch, sound on speakers. The methods come from the descriptor protoc generated, with a server base class
/// and a client: what grpc's code generator would emit, written by hand because its runtime cannot be restored here.
/// </summary>
public static class AlarmService
{
    private static readonly ServiceDescriptor Descriptor = AlarmReflection.Descriptor.Services.Single(service => service.Name == "AlarmService");

    public static readonly Method<ListLiveAlarmsRequest, AlarmList> ListLiveAlarms = Method<ListLiveAlarmsRequest, AlarmList>.From(Descriptor, nameof(ListLiveAlarms));

    public static readonly Method<AcknowledgeAlarmRequest, Alarm> AcknowledgeAlarm = Method<AcknowledgeAlarmRequest, Alarm>.From(Descriptor, nameof(AcknowledgeAlarm));

    public static readonly Method<ResolveAlarmRequest, Alarm> ResolveAlarm = Method<ResolveAlarmRequest, Alarm>.From(Descriptor, nameof(ResolveAlarm));

    public static readonly Method<WatchAlarmsRequest, AlarmEvent> WatchAlarms = Method<WatchAlarmsRequest, AlarmEvent>.From(Descriptor, nameof(WatchAlarms));

    public static readonly Method<SoundAlarmRequest, SoundAlarmReply> SoundAlarmOnSpeakers = Method<SoundAlarmRequest, SoundAlarmReply>.From(Descriptor, nameof(SoundAlarmOnSpeakers));

    /// <summary>Implement this and map it with <c>MapGrpcService</c>.</summary>
    public abstract class AlarmServiceBase : IGrpcService
    {
        public abstract Task<AlarmList> ListLiveAlarms(ListLiveAlarmsRequest request, ServerCallContext context);

        public abstract Task<Alarm> AcknowledgeAlarm(AcknowledgeAlarmRequest request, ServerCallContext context);

        public abstract Task<Alarm> ResolveAlarm(ResolveAlarmRequest request, ServerCallContext context);

        public abstract Task WatchAlarms(WatchAlarmsRequest request, IAsyncStreamWriter<AlarmEvent> responses, ServerCallContext context);

        public abstract Task<SoundAlarmReply> SoundAlarmOnSpeakers(SoundAlarmRequest request, ServerCallContext context);

        public void Bind(ServiceBinder binder)
        {
            binder.Unary(AlarmService.ListLiveAlarms, ListLiveAlarms);
            binder.Unary(AlarmService.AcknowledgeAlarm, AcknowledgeAlarm);
            binder.Unary(AlarmService.ResolveAlarm, ResolveAlarm);
            binder.ServerStreaming(AlarmService.WatchAlarms, WatchAlarms);
            binder.Unary(AlarmService.SoundAlarmOnSpeakers, SoundAlarmOnSpeakers);
        }
    }

    public sealed class AlarmServiceClient(GrpcChannel channel)
    {
        public Task<AlarmList> ListLiveAlarmsAsync(ListLiveAlarmsRequest request, CallOptions? options = null) =>
            channel.UnaryAsync(AlarmService.ListLiveAlarms, request, options);

        public Task<Alarm> AcknowledgeAlarmAsync(AcknowledgeAlarmRequest request, CallOptions? options = null) =>
            channel.UnaryAsync(AlarmService.AcknowledgeAlarm, request, options);

        public Task<Alarm> ResolveAlarmAsync(ResolveAlarmRequest request, CallOptions? options = null) =>
            channel.UnaryAsync(AlarmService.ResolveAlarm, request, options);

        public ServerStreamingCall<AlarmEvent> WatchAlarms(WatchAlarmsRequest request, CallOptions? options = null) =>
            channel.ServerStreaming(AlarmService.WatchAlarms, request, options);

        public Task<SoundAlarmReply> SoundAlarmOnSpeakersAsync(SoundAlarmRequest request, CallOptions? options = null) =>
            channel.UnaryAsync(AlarmService.SoundAlarmOnSpeakers, request, options);
    }
}
