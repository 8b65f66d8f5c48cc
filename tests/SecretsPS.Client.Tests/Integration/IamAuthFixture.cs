using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SecretsPS.Client.Tests.Integration;

/// <summary>
/// A separate moto_server in IAM-auth mode: the first three actions are unauthenticated and create an IAM user
/// with an access key and a policy allowing secretsmanager:* (boto3 in a python3 subprocess); every request after
/// that must carry a valid signature from a known key.
/// </summary>
public sealed class IamAuthFixture : IDisposable
{
    private const string SetupScript = """
import json, sys, boto3
iam = boto3.client('iam', endpoint_url=sys.argv[1], region_name='us-east-1', aws_access_key_id='setup', aws_secret_access_key='setup')
iam.create_user(UserName='secretsps-xunit')
key = iam.create_access_key(UserName='secretsps-xunit')['AccessKey']
iam.put_user_policy(UserName='secretsps-xunit', PolicyName='sm-all', PolicyDocument=json.dumps(
    {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': 'secretsmanager:*', 'Resource': '*'}]}))
print(json.dumps({'id': key['AccessKeyId'], 'secret': key['SecretAccessKey']}))
""";

    private readonly MotoServer? _server;

    public IamAuthFixture()
    {
        var executable = MotoServer.FindExecutable();
        if (executable is null)
        {
            SkipReason = "moto_server is not installed (pip install \"moto[server]\").";
            return;
        }

        var boto3 = Infrastructure.Python.Run("import boto3", TimeSpan.FromSeconds(30));
        if (boto3 is not { ExitCode: 0 })
        {
            SkipReason = "python3 with boto3 is not installed; it creates the IAM user for the IAM-auth test.";
            return;
        }

        _server = MotoServer.Start(executable, new Dictionary<string, string> { ["INITIAL_NO_AUTH_ACTION_COUNT"] = "3" });
        var script = "import sys; sys.argv = ['setup', '" + _server.Url + "']\n" + SetupScript;
        var result = Infrastructure.Python.Run(script, TimeSpan.FromSeconds(60));
        if (result is not { ExitCode: 0 })
        {
            var detail = result?.Stderr;
            _server.Dispose();
            throw new InvalidOperationException("IAM setup against moto failed: " + detail);
        }

        using var keys = JsonDocument.Parse(result.Value.Stdout);
        AccessKeyId = keys.RootElement.GetProperty("id").GetString();
        SecretAccessKey = keys.RootElement.GetProperty("secret").GetString();
        Endpoint = _server.Url;
    }

    public string? Endpoint { get; }

    public string? AccessKeyId { get; }

    public string? SecretAccessKey { get; }

    public string? SkipReason { get; }

    public void Dispose() => _server?.Dispose();
}
