using GongGrid.Mqtt.Connection;

namespace GongGrid.Mqtt;

public sealed partial class MqttClient
{
    /// <summary>
    /// Keeps one connection open at a time until the client stops: waits for the current one to close, then
    /// reconnects after a backoff that grows with consecutive failures. Never throws.
    /// </summary>
    private async Task SuperviseAsync(MqttConnection? connection)
    {
        var cancellationToken = _stop.Token;
        var failures = 0;
        while (true)
        {
            if (connection is null)
            {
                try
                {
                    connection = await OpenAsync(cancellationToken);
                    failures = 0;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    Counters.ConnectFailed();
                    var reason = Describe(e);
                    SetState(false, reason, false);
                    var delay = NextDelay(failures++);
                    MqttLog.ConnectFailed(_logger, _options.Host, _options.Port, reason, (long)delay.TotalMilliseconds);
                    if (!await DelayAsync(delay, cancellationToken))
                    {
                        return;
                    }
                    continue;
                }
            }
            string closedBecause;
            try
            {
                closedBecause = await connection.Closed.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await connection.DisconnectAsync();
                return;
            }
            Volatile.Write(ref _connection, null);
            connection = null;
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            Counters.LinkLost();
            SetState(false, closedBecause, false);
            var retryIn = NextDelay(failures++);
            MqttLog.LinkLost(_logger, _options.Host, _options.Port, closedBecause, (long)retryIn.TotalMilliseconds);
            if (!await DelayAsync(retryIn, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>One connection, with the subscriptions renewed when the broker kept no session.</summary>
    private async Task<MqttConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await MqttConnection.ConnectAsync(_options, _session, _messages.Writer, Counters, _logger, cancellationToken);
        try
        {
            List<MqttSubscription> subscriptions;
            lock (_gate)
            {
                subscriptions = [.. _subscriptions];
            }
            if (!connection.SessionPresent && subscriptions.Count > 0)
            {
                var codes = await connection.SubscribeAsync(subscriptions, cancellationToken);
                ThrowIfRefused(subscriptions, codes);
                MqttLog.Resubscribed(_logger, subscriptions.Count);
            }
        }
        catch
        {
            connection.Close("subscribing after connect failed");
            throw;
        }
        Volatile.Write(ref _connection, connection);
        Counters.Connected();
        SetState(true, connection.SessionPresent ? "connected, session present" : "connected, new session", connection.SessionPresent);
        MqttLog.Connected(_logger, _options.Host, _options.Port, _options.ClientId, connection.SessionPresent);
        return connection;
    }

    private TimeSpan NextDelay(int failures) =>
        ReconnectBackoff.Delay(failures, _options.ReconnectDelayMin, _options.ReconnectDelayMax, Random.Shared);

    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void SetState(bool connected, string reason, bool sessionPresent)
    {
        var state = new MqttLinkState(connected, reason, sessionPresent, DateTimeOffset.UtcNow);
        Volatile.Write(ref _state, state);
        try
        {
            StateChanged?.Invoke(state);
        }
        catch (Exception e)
        {
            MqttLog.StateHandlerFailed(_logger, e);
        }
    }

    private static string Describe(Exception e) => e switch
    {
        MqttException or TimeoutException => e.Message,
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
