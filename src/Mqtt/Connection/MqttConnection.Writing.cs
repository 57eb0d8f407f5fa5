using GongGrid.Mqtt.Protocol;

namespace GongGrid.Mqtt.Connection;

internal sealed partial class MqttConnection
{
    /// <summary>Bytes gathered before a flush mid-batch; a flush also happens whenever the queues run dry.</summary>
    private const int FlushThreshold = 64 * 1024;

    private const int PublishBatch = 256;

    private long _lastSent;

    /// <summary>Queues a control packet and wakes the writer; callable from any thread.</summary>
    private void Send(ControlPacket packet)
    {
        _control.Enqueue(packet);
        WakeWriter();
    }

    private void WakeWriter() => _wake.Writer.TryWrite(true);

    /// <summary>
    /// The only code that writes to the socket. Each wake-up drains the control queue and the session's publishes
    /// into the output buffer and flushes once, so a burst of publishes or acknowledgements costs few socket writes.
    /// </summary>
    private async Task WriteLoopAsync()
    {
        var cancellationToken = _stopping.Token;
        var batch = new List<(OutboundPublish Publish, bool Dup)>(PublishBatch);
        var unflushedQos0 = new List<OutboundPublish>();
        try
        {
            while (await _wake.Reader.WaitToReadAsync(cancellationToken))
            {
                _wake.Reader.TryRead(out _);
                var disconnect = false;
                var progressed = true;
                while (progressed && !disconnect)
                {
                    progressed = false;
                    while (_control.TryDequeue(out var control))
                    {
                        WriteControl(control);
                        progressed = true;
                        if (control.Type == MqttPacketType.Disconnect)
                        {
                            disconnect = true;
                            break;
                        }
                    }
                    if (!disconnect && _session.TakeBatch(this, batch, PublishBatch) > 0)
                    {
                        WritePublishes(batch, unflushedQos0);
                        progressed = true;
                    }
                    if (_output.UnflushedBytes >= FlushThreshold)
                    {
                        await FlushAsync(unflushedQos0, cancellationToken);
                    }
                }
                await FlushAsync(unflushedQos0, cancellationToken);
                if (disconnect)
                {
                    Close("disconnected by the application");
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException && !IsOpen)
        {
            // Closed from elsewhere; the reason is already recorded.
        }
        catch (Exception e)
        {
            Close($"writing to the broker failed: {e.Message}");
        }
        finally
        {
            var lost = new MqttConnectionClosedException("The connection closed before this QoS 0 message was written.");
            foreach (var publish in unflushedQos0)
            {
                publish.TrySetException(lost);
            }
            try
            {
                await _output.CompleteAsync();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The socket is gone; whatever was still buffered cannot be sent.
            }
        }
    }

    private void WritePublishes(List<(OutboundPublish Publish, bool Dup)> batch, List<OutboundPublish> unflushedQos0)
    {
        var resent = 0;
        foreach (var (publish, dup) in batch)
        {
            MqttPacketWriter.WritePublish(_output, publish.Topic, publish.Payload.Span, publish.Qos, publish.Retain, dup, publish.PacketId);
            if (publish.Qos == MqttQos.AtMostOnce)
            {
                unflushedQos0.Add(publish);
            }
            resent += dup ? 1 : 0;
        }
        _counters.PublishesWritten(batch.Count, resent);
        batch.Clear();
    }

    private void WriteControl(ControlPacket control)
    {
        switch (control.Type)
        {
            case MqttPacketType.PubAck:
                MqttPacketWriter.WritePubAck(_output, control.PacketId);
                break;
            case MqttPacketType.PingReq:
                MqttPacketWriter.WritePingReq(_output);
                break;
            case MqttPacketType.Subscribe:
                MqttPacketWriter.WriteSubscribe(_output, control.PacketId, (IReadOnlyList<MqttSubscription>)control.Body!);
                break;
            case MqttPacketType.Unsubscribe:
                MqttPacketWriter.WriteUnsubscribe(_output, control.PacketId, (IReadOnlyList<string>)control.Body!);
                break;
            case MqttPacketType.Disconnect:
                MqttPacketWriter.WriteDisconnect(_output);
                break;
            default:
                throw new InvalidOperationException($"{control.Type.SpecName()} is not a control packet this client sends.");
        }
    }

    private async ValueTask FlushAsync(List<OutboundPublish> unflushedQos0, CancellationToken cancellationToken)
    {
        if (_output.UnflushedBytes == 0)
        {
            return;
        }
        await _output.FlushAsync(cancellationToken);
        MarkSent();
        foreach (var publish in unflushedQos0)
        {
            publish.TrySetResult();
        }
        unflushedQos0.Clear();
    }

    private void MarkSent() => Volatile.Write(ref _lastSent, Environment.TickCount64);
}
