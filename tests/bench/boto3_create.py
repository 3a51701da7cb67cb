"""The peer of the benchmarks: boto3 creating audience models against the local emulator.

    python3 boto3_create.py loop <endpoint-url> <csv-path> [--second-pass]
        Reads the benchmark CSV, builds every request, constructs one client, creates one warm-up model,
        then times a sequential loop creating one model per row. Prints one JSON line:
        {"rows": N, "created": N, "elapsedMs": T, "cpuMs": C, "secondPassMs": S}
        (C: this process's CPU time in the loop; S: the loop once more, or null without --second-pass)

    python3 boto3_create.py first <endpoint-url>
        The first-call figure: import boto3, construct the client, create one model, exit. The caller times
        the whole process; nothing else is imported first.

Exit code 3 when boto3 is not installed, so the caller can report the figure as skipped.
"""
import sys

ACCESS_KEY = "AKIAEMULATOR0EXAMPLE"
SECRET_KEY = "emulatorSecretKey/EXAMPLE0000000000000000"
REGION = "us-east-1"
DATASET_ARN = "arn:aws:cleanrooms-ml:us-east-1:123456789012:training-dataset/demo-interactions"


def new_client(endpoint_url):
    try:
        import boto3
    except ImportError as error:
        print(f"boto3 is not installed: {error}", file=sys.stderr)
        sys.exit(3)
    return boto3.client(
        "cleanroomsml",
        endpoint_url=endpoint_url,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
    )


def first(endpoint_url):
    client = new_client(endpoint_url)
    response = client.create_audience_model(name="first-call", trainingDatasetArn=DATASET_ARN)
    if not response.get("audienceModelArn"):
        sys.exit(1)


def read_requests(csv_path):
    """One create_audience_model keyword set per CSV row, parsed as the cmdlet parses the row."""
    import csv
    from datetime import datetime, timezone

    def date(text):
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)

    requests = []
    with open(csv_path, newline="", encoding="utf-8-sig") as source:
        for row in csv.DictReader(source):
            request = {"name": row["Name"], "trainingDatasetArn": row["TrainingDatasetArn"]}
            if row.get("Description"):
                request["description"] = row["Description"]
            if row.get("Tags"):
                pairs = (part.split("=", 1) for part in row["Tags"].split(";") if "=" in part)
                request["tags"] = {key.strip(): value.strip() for key, value in pairs}
            if row.get("TrainingDataStartTime"):
                request["trainingDataStartTime"] = date(row["TrainingDataStartTime"])
            if row.get("TrainingDataEndTime"):
                request["trainingDataEndTime"] = date(row["TrainingDataEndTime"])
            requests.append(request)
    return requests


def loop(endpoint_url, csv_path, second_pass):
    import json
    import time

    requests = read_requests(csv_path)
    client = new_client(endpoint_url)
    client.create_audience_model(**dict(requests[0], name="bench-warmup"))

    def create_all():
        created = 0
        for request in requests:
            if client.create_audience_model(**request).get("audienceModelArn"):
                created += 1
        return created

    cpu_start = time.process_time()
    start = time.perf_counter()
    created = create_all()
    elapsed_ms = (time.perf_counter() - start) * 1000.0
    cpu_ms = (time.process_time() - cpu_start) * 1000.0
    second_pass_ms = None
    if second_pass:
        start = time.perf_counter()
        created += create_all()
        second_pass_ms = round((time.perf_counter() - start) * 1000.0, 3)

    print(json.dumps({"rows": len(requests), "created": created, "elapsedMs": round(elapsed_ms, 3),
                      "cpuMs": round(cpu_ms, 3), "secondPassMs": second_pass_ms}))
    sys.exit(0 if created == len(requests) * (2 if second_pass else 1) else 1)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "first":
        first(sys.argv[2])
    elif len(sys.argv) in (4, 5) and sys.argv[1] == "loop":
        loop(sys.argv[2], sys.argv[3], sys.argv[4:] == ["--second-pass"])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
