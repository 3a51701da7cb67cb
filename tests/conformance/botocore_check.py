"""Checks one request our client sent, with botocore as the independent judge.

Reads JSON on stdin: {"method", "url", "headers" (lower-case names as received), "body", "accessKey",
"secretKey", "sessionToken"?, "region", "createAudienceModel"? (the boto3 parameters of the same input)}.
Prints JSON: {"signatureMatches": bool, "expected": str, "actual": str, "boto3Body": obj|null}.

The signature is recomputed by botocore's SigV4Auth over exactly the headers our request signed, at our
request's own x-amz-date. The body boto3 would send for the same input comes from botocore's serializer.
"""
import json
import sys

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


def main():
    given = json.load(sys.stdin)
    headers = given["headers"]
    authorization = headers["authorization"]
    signed = authorization.split("SignedHeaders=")[1].split(",")[0].split(";")
    actual = authorization.split("Signature=")[1].strip()

    request = AWSRequest(method=given["method"], url=given["url"], data=given["body"].encode("utf-8"),
                         headers={name: headers[name] for name in signed})
    request.context["timestamp"] = headers["x-amz-date"]
    credentials = Credentials(given["accessKey"], given["secretKey"], given.get("sessionToken"))
    auth = SigV4Auth(credentials, "cleanrooms-ml", given["region"])
    canonical = auth.canonical_request(request)
    expected = auth.signature(auth.string_to_sign(request, canonical), request)

    boto3_body = None
    if given.get("createAudienceModel") is not None:
        client = boto3.client("cleanroomsml", region_name=given["region"], aws_access_key_id="x", aws_secret_access_key="y")
        model = client.meta.service_model.operation_model("CreateAudienceModel")
        serialized = client._serializer.serialize_to_request(given["createAudienceModel"], model)
        boto3_body = json.loads(serialized["body"])

    json.dump({"signatureMatches": expected == actual, "expected": expected, "actual": actual,
               "canonicalRequest": canonical, "boto3Body": boto3_body}, sys.stdout)


if __name__ == "__main__":
    main()
