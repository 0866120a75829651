namespace MetalFests.Api.Http;

/// <summary>What <c>/internal/memory</c> answers: the managed heap after a full collection, the working set, the partitions held in memory.</summary>
public sealed record MemoryUse(long HeapBytes, long WorkingSetBytes, int PartitionsInMemory);
