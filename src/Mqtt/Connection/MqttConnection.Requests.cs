using GongGrid.Mqtt.Protocol;

namespace GongGrid.Mqtt.Connection;

internal sealed partial class MqttConnection
{
    /// <summary>Sends SUBSCRIBE and returns the SUBACK return codes, one per subscription, in order.</summary>
    public async Task<IReadOnlyList<byte>> SubscribeAsync(IReadOnlyList<MqttSubscription> subscriptions, CancellationToken cancellationToken)
    {
        var reply = (SubAckPacket)await RequestAsync(MqttPacketType.Subscribe, MqttPacketType.SubAck, subscriptions, cancellationToken);
        if (reply.ReturnCodes.Count != subscriptions.Count)
        {
            var error = new MqttProtocolException($"SUBACK with {reply.ReturnCodes.Count} return codes for a SUBSCRIBE of {subscriptions.Count} filters");
            _counters.MalformedPacket();
            Close($"malformed packet from the broker: {error.Message}");
            throw error;
        }
        return reply.ReturnCodes;
    }

    public Task UnsubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken cancellationToken) =>
        RequestAsync(MqttPacketType.Unsubscribe, MqttPacketType.UnsubAck, topicFilters, cancellationToken);

    private async Task<MqttPacket> RequestAsync(MqttPacketType type, MqttPacketType replyType, object body, CancellationToken cancellationToken)
    {
        var packetId = _session.AllocateRequestId();
        var reply = new TaskCompletionSource<MqttPacket>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests[packetId] = new PendingRequest(replyType, reply);
        try
        {
            if (!IsOpen)
            {
                throw new MqttConnectionClosedException($"The connection closed before {type.SpecName()} could be sent.");
            }
            Send(new ControlPacket(type, packetId, body));
            return await reply.Task.WaitAsync(_options.RequestTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No {replyType.SpecName()} within {_options.RequestTimeout.TotalSeconds:0.###} s.");
        }
        finally
        {
            _requests.TryRemove(packetId, out _);
            _session.ReleaseRequestId(packetId);
        }
    }
}
