using GongGrid.Mqtt.Protocol;

namespace GongGrid.Mqtt.Connection;

internal sealed partial class MqttConnection
{
    /// <summary>When the unanswered PINGREQ was queued (Environment.TickCount64), or 0 when none is outstanding.</summary>
    private long _pingSentAt;

    /// <summary>
    /// Sends PINGREQ once nothing has been sent, or nothing received, for a keep-alive period, and declares the link
    /// dead when the PINGRESP does not come within the ping timeout. Pinging on a quiet receive side as well means a
    /// publisher whose broker froze notices within about 1.5 keep-alive periods, even while it keeps writing.
    /// </summary>
    private async Task KeepAliveLoopAsync()
    {
        var cancellationToken = _stopping.Token;
        var keepAlive = (long)_options.KeepAlive.TotalMilliseconds;
        var pingTimeout = Math.Max(1, (long)_options.EffectivePingTimeout.TotalMilliseconds);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var now = Environment.TickCount64;
                var pingSentAt = Volatile.Read(ref _pingSentAt);
                if (pingSentAt != 0)
                {
                    var deadline = pingSentAt + pingTimeout;
                    if (now >= deadline)
                    {
                        MqttLog.DeadLink(_logger, _options.Host, _options.Port, now - pingSentAt);
                        Close($"no PINGRESP within {pingTimeout} ms: the link is dead");
                        return;
                    }
                    await Task.Delay(TimeSpan.FromMilliseconds(deadline - now), cancellationToken);
                    continue;
                }
                var due = Math.Min(Volatile.Read(ref _lastSent), Volatile.Read(ref _lastReceived)) + keepAlive;
                if (now >= due)
                {
                    Volatile.Write(ref _pingSentAt, now);
                    Send(new ControlPacket(MqttPacketType.PingReq));
                    continue;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(due - now, pingTimeout)), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The connection closed.
        }
    }
}
