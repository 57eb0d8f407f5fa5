namespace GongGrid.Silo.Metrics;

/// <summary>The silo's Prometheus page, bound from GongGrid:Metrics.</summary>
public sealed class MetricsOptions
{
    /// <summary>
    /// http://host:port serving /metrics over HTTP/1.1 for Prometheus (port 0 picks a free one); empty: no page.
    /// Its own port, so a scraper needs no API token and API clients cannot read it.
    /// </summary>
    public string Listen { get; set; } = "";

    /// <summary>
    /// The districts whose tonight counts and live alarms are exported; empty: every district named in a token's
    /// scope (GongGrid:Api:Tokens), which covers every district anyone can feed or ask about.
    /// </summary>
    public List<string> Districts { get; set; } = [];

    /// <summary>How often tonight's counts are read from the district grains; a scrape reads the last reading.</summary>
    public TimeSpan NightRefresh { get; set; } = TimeSpan.FromSeconds(15);
}
