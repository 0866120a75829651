using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace MetalFests.Storage;

public static class DynamoDbClientFactory
{
    public static IAmazonDynamoDB Create(StorageOptions options)
    {
        if (!options.IsLocal)
        {
            return new AmazonDynamoDBClient(new AmazonDynamoDBConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region) });
        }

        var config = new AmazonDynamoDBConfig
        {
            ServiceURL = options.ServiceUrl,
            AuthenticationRegion = options.Region,
            Timeout = options.RequestTimeout,
            MaxErrorRetry = 1,
        };
        return new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), config);
    }
}
