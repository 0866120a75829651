namespace MetalFests.Api.Http;

/// <summary>What <c>/internal/memory</c> answers: the managed heap after a full collection, the working set.</summary>
public sealed record MemoryUse(long HeapBytes, long WorkingSetBytes);
