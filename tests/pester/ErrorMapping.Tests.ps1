# Every service error code maps to a stable ErrorId and a real ErrorCategory. moto cannot produce most of these
# codes, so a tiny local HTTP server answers each request with the error named by the request's SecretId.
BeforeAll {
    . $PSScriptRoot/Common.ps1

    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $probe.Start()
    $port = $probe.LocalEndpoint.Port
    $probe.Stop()
    $script:fakeEndpoint = "http://127.0.0.1:$port"
    $script:listener = [System.Net.HttpListener]::new()
    $listener.Prefixes.Add("$fakeEndpoint/")
    $listener.Start()
    $script:server = [powershell]::Create()
    $null = $server.AddScript({
        param($listener)
        $errors = @{
            limit          = 'LimitExceededException', 400, 'Message'
            throttle       = 'ThrottlingException', 400, 'message'
            crypto         = 'DecryptionFailure', 400, 'Message'
            denied         = 'AccessDeniedException', 400, 'Message'
            internal       = 'InternalServiceError', 500, 'Message'
            validation     = 'com.amazon.coral.validate#ValidationException', 400, 'message'
            exists         = 'ResourceExistsException', 400, 'Message'
            notfound       = 'ResourceNotFoundException', 400, 'Message'
            invalidrequest = 'InvalidRequestException', 400, 'Message'
            nexttoken      = 'InvalidNextTokenException', 400, 'Message'
            unknown        = 'SomethingNewException', 400, 'Message'
            signature      = 'InvalidSignatureException', 400, 'message'
        }
        while ($listener.IsListening) {
            try { $context = $listener.GetContext() } catch { break }
            $reader = [System.IO.StreamReader]::new($context.Request.InputStream)
            $id = ($reader.ReadToEnd() | ConvertFrom-Json).SecretId
            $code, $status, $messageKey = $errors[$id]
            $body = @{ __type = $code; $messageKey = "fake $code for $id" } | ConvertTo-Json -Compress
            $bytes = [System.Text.Encoding]::UTF8.GetBytes($body)
            $context.Response.StatusCode = $status
            $context.Response.ContentType = 'application/x-amz-json-1.1'
            $context.Response.Headers.Add('x-amzn-RequestId', [guid]::NewGuid().ToString())
            $context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
            $context.Response.Close()
        }
    }).AddArgument($listener)
    $script:serverRun = $server.BeginInvoke()
}

AfterAll {
    $listener.Stop()
    $listener.Close()
    $server.Dispose()
}

Describe 'Service error mapping' {
    It '<Code> -> <ErrorId> (<Category>), non-terminating' -ForEach @(
        @{ Id = 'limit'; Code = 'LimitExceededException'; ErrorId = 'LimitExceeded'; Category = 'QuotaExceeded' }
        @{ Id = 'throttle'; Code = 'ThrottlingException'; ErrorId = 'Throttled'; Category = 'ConnectionError' }
        @{ Id = 'crypto'; Code = 'DecryptionFailure'; ErrorId = 'CryptographyFailure'; Category = 'SecurityError' }
        @{ Id = 'denied'; Code = 'AccessDeniedException'; ErrorId = 'AccessDenied'; Category = 'PermissionDenied' }
        @{ Id = 'internal'; Code = 'InternalServiceError (HTTP 500)'; ErrorId = 'ServiceFailure'; Category = 'ResourceUnavailable' }
        @{ Id = 'validation'; Code = 'namespaced ValidationException'; ErrorId = 'InvalidParameter'; Category = 'InvalidArgument' }
        @{ Id = 'exists'; Code = 'ResourceExistsException'; ErrorId = 'SecretAlreadyExists'; Category = 'ResourceExists' }
        @{ Id = 'notfound'; Code = 'ResourceNotFoundException (HTTP 400, as AWS sends it)'; ErrorId = 'SecretNotFound'; Category = 'ObjectNotFound' }
        @{ Id = 'invalidrequest'; Code = 'InvalidRequestException'; ErrorId = 'InvalidRequest'; Category = 'InvalidOperation' }
        @{ Id = 'nexttoken'; Code = 'InvalidNextTokenException'; ErrorId = 'InvalidNextToken'; Category = 'InvalidArgument' }
        @{ Id = 'unknown'; Code = 'an unknown code'; ErrorId = 'ServiceError'; Category = 'NotSpecified' }
    ) {
        $result = Get-SecretValue -SecretId $Id -EndpointUrl $fakeEndpoint -ErrorVariable err -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be "$ErrorId,SecretsPS.Commands.GetSecretValueCommand"
        $err[0].CategoryInfo.Category | Should -Be $Category
        $err[0].TargetObject | Should -Be $Id
        $err[0].Exception.Message | Should -Match "fake .* for $Id"
        $err[0].Exception.InnerException.GetType().Namespace | Should -Be 'SecretsPS.Client'
    }

    It 'a rejected signature is a terminating AuthenticationFailed (AuthenticationError)' {
        $e = { 'signature', 'limit' | Get-SecretValue -EndpointUrl $fakeEndpoint } |
            Should -Throw -ErrorId 'AuthenticationFailed,SecretsPS.Commands.GetSecretValueCommand' -PassThru
        $e.CategoryInfo.Category | Should -Be 'AuthenticationError'
    }

    It 'the same mapping applies to every cmdlet, e.g. Remove-Secret' {
        Remove-Secret -SecretId denied -Force -EndpointUrl $fakeEndpoint -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'AccessDenied,SecretsPS.Commands.RemoveSecretCommand'
        $err[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
    }
}
