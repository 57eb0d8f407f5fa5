namespace GongGrid.Storage.Tests;

/// <summary>A conformance suite's provider, started fresh for each test and stopped after it.</summary>
public abstract class ProviderConformance : IAsyncLifetime
{
    private StorageProvider? _provider;

    protected StorageProvider Provider => _provider ?? throw new InvalidOperationException("The provider is not started yet.");

    public async Task InitializeAsync() => _provider = await StartAsync();

    public async Task DisposeAsync() => await Provider.DisposeAsync();

    protected abstract Task<StorageProvider> StartAsync();
}
