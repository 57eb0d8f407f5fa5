using MQTTnet;
using MQTTnet.Protocol;

namespace GongGrid.EdgeBridge.Broker;

public sealed partial class BrokerSession
{
    /// <summary>Limit for TCP connect, TLS handshake and CONNACK together, and for the SUBACK.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Keeps one connection open at a time until the session stops: waits for the current one to drop, then
    /// reconnects after a backoff that doubles with consecutive failures, capped, with jitter. Never throws.
    /// </summary>
    private async Task SuperviseAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            try
            {
                var sessionPresent = await ConnectAsync(cancellationToken);
                failures = 0;
                BrokerLog.Connected(_logger, _options.Host, _options.Port, _options.ClientId, sessionPresent);
                SetLink(true);
                var dropped = await Volatile.Read(ref _dropped).Task.WaitAsync(cancellationToken);
                SetLink(false);
                var retryIn = NextDelay(failures++);
                BrokerLog.LinkLost(_logger, _options.Host, _options.Port, Reason(dropped), (long)retryIn.TotalMilliseconds);
                await Task.Delay(retryIn, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                SetLink(false);
                var retryIn = NextDelay(failures++);
                BrokerLog.ConnectFailed(_logger, _options.Host, _options.Port, Reason(error), (long)retryIn.TotalMilliseconds);
                try
                {
                    await Task.Delay(retryIn, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Opens the next connection, and subscribes when the broker kept no session; returns whether it kept one.</summary>
    private async Task<bool> ConnectAsync(CancellationToken cancellationToken)
    {
        lock (_acknowledging)
        {
            // From here on, acknowledgements still owed to the previous connection are not sent (see the class remarks).
            Volatile.Write(ref _current, new Connection(this, _current.Number + 1));
            Volatile.Write(ref _dropped, new TaskCompletionSource<MqttClientDisconnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        var connected = await _client.ConnectAsync(_connect, timeout.Token);
        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused the connection ({connected.ResultCode})");
        }

        if (connected.IsSessionPresent)
        {
            return true;
        }

        try
        {
            await SubscribeAsync(timeout.Token);
            return false;
        }
        catch
        {
            // Close this connection, and wait until MQTTnet reports it closed, so that report cannot be taken for the next one's.
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
            await Volatile.Read(ref _dropped).Task.WaitAsync(ConnectTimeout, CancellationToken.None);
            throw;
        }
    }

    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in _topicFilters)
        {
            subscribe.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        var granted = await _client.SubscribeAsync(subscribe.Build(), cancellationToken);
        var refused = granted.Items.Where(item => item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2).Select(item => item.TopicFilter.Topic).ToList();
        if (refused.Count > 0)
        {
            throw new InvalidOperationException($"the broker refused the subscription to {string.Join(", ", refused)}");
        }

        BrokerLog.Subscribed(_logger, _topicFilters.Count);
    }

    private TimeSpan NextDelay(int failures) =>
        ReconnectBackoff.Delay(failures, _options.ReconnectDelayMin, _options.ReconnectDelayMax, Random.Shared);

    private static string Reason(Exception error) => error switch
    {
        OperationCanceledException => $"no answer within {ConnectTimeout.TotalSeconds:F0} s",
        MQTTnet.Adapter.MqttConnectingFailedException { InnerException: { } inner } => inner.GetBaseException().Message,
        _ => error.GetBaseException().Message,
    };

    private static string Reason(MqttClientDisconnectedEventArgs dropped) =>
        dropped.Exception is { } error ? error.GetBaseException().Message : $"{dropped.Reason} {dropped.ReasonString}".Trim();
}
