namespace GongGrid.Runtime;

/// <summary>Marker for grain interfaces: every method returns Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;.</summary>
public interface IGrain;

/// <summary>A grain addressed by a string key, e.g. "ngoc-lac/cao-thinh/lang-moi".</summary>
public interface IGrainWithStringKey : IGrain;
