using GongGrid.Mqtt.Protocol;

namespace GongGrid.Mqtt.Connection;

internal sealed partial class MqttConnection
{
    private long _lastReceived;

    /// <summary>
    /// Frames packets out of the socket and dispatches them. A protocol violation is logged and counted and closes
    /// the connection; nothing escapes this loop.
    /// </summary>
    private async Task ReadLoopAsync()
    {
        var cancellationToken = _stopping.Token;
        try
        {
            while (true)
            {
                var result = await _input.ReadAsync(cancellationToken);
                var buffer = result.Buffer;
                MarkReceived();
                while (MqttPacketReader.TryRead(ref buffer, _options.MaxPacketSize, out var packet))
                {
                    Dispatch(packet);
                }
                if (result.IsCompleted)
                {
                    if (!buffer.IsEmpty)
                    {
                        throw new MqttProtocolException($"the broker closed the connection in the middle of a packet ({buffer.Length} bytes of it received)");
                    }
                    Close("the broker closed the connection");
                    return;
                }
                _input.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (MqttProtocolException e)
        {
            _counters.MalformedPacket();
            MqttLog.MalformedPacket(_logger, _options.Host, _options.Port, e.Message);
            Close($"malformed packet from the broker: {e.Message}");
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException && !IsOpen)
        {
            // Closed from elsewhere; the reason is already recorded.
        }
        catch (Exception e)
        {
            Close($"reading from the broker failed: {e.Message}");
        }
        finally
        {
            await _input.CompleteAsync();
        }
    }

    private void Dispatch(MqttPacket packet)
    {
        switch (packet)
        {
            case PublishPacket publish:
                Deliver(publish);
                break;
            case PubAckPacket pubAck:
                if (_session.Acknowledge(pubAck.PacketId))
                {
                    _counters.PublishAcknowledged();
                }
                else
                {
                    MqttLog.UnknownPubAck(_logger, pubAck.PacketId);
                }
                break;
            case SubAckPacket or UnsubAckPacket:
                var packetId = packet is SubAckPacket subAck ? subAck.PacketId : ((UnsubAckPacket)packet).PacketId;
                if (!_requests.TryGetValue(packetId, out var request) || request.ReplyType != packet.Type)
                {
                    throw new MqttProtocolException($"{packet.Type.SpecName()} for packet identifier {packetId}, which no request is waiting for");
                }
                request.Reply.TrySetResult(packet);
                break;
            case PingRespPacket:
                Volatile.Write(ref _pingSentAt, 0);
                break;
            case ConnAckPacket:
                throw new MqttProtocolException("a second CONNACK on an established connection");
            default:
                throw new MqttProtocolException($"{packet.Type.SpecName()} from the broker, which only a client may send");
        }
    }

    private void Deliver(PublishPacket publish)
    {
        if (publish.Qos > MqttQos.AtLeastOnce)
        {
            throw new MqttProtocolException($"PUBLISH with QoS {(int)publish.Qos}, above every subscription this client makes");
        }
        var acknowledger = publish.Qos == MqttQos.AtLeastOnce ? this : null;
        _counters.MessageReceived();
        _inbound.TryWrite(new MqttMessage(publish.Topic, publish.Payload, publish.Qos, publish.Dup, publish.Retain, publish.PacketId, acknowledger));
    }

    private void MarkReceived() => Volatile.Write(ref _lastReceived, Environment.TickCount64);
}
