"""What a build counts as added, changed, removed, unchanged and failed, against the previous build."""

import pytest

from ingest.run.document_changes import DocumentChanges, DocumentSeen, compare, read_documents, write_documents

A, B, C = "a.txt", "b.txt", "c.txt"


@pytest.mark.parametrize(("previous", "current", "expected"), [
    # the first build: everything is new
    ([], [(A, "1"), (B, "2")], DocumentChanges(added=2)),
    # nothing touched
    ([(A, "1"), (B, "2")], [(A, "1"), (B, "2")], DocumentChanges(unchanged=2)),
    # one edited, one deleted, one new
    ([(A, "1"), (B, "2")], [(A, "9"), (C, "3")], DocumentChanges(added=1, changed=1, removed=1)),
    # a renamed file is matched by name: one removed, one added
    ([(A, "1")], [(B, "1")], DocumentChanges(added=1, removed=1)),
    # two folders holding the same relative name: counted, not merged
    ([(A, "1"), (A, "2")], [(A, "1"), (A, "3"), (A, "4")], DocumentChanges(added=1, changed=1, unchanged=1)),
    # a file that could not be read has no content hash; once readable it has changed
    ([(A, None)], [(A, "1")], DocumentChanges(changed=1)),
])
def test_documents_are_compared_by_source_and_content(previous, current, expected):
    seen = lambda pairs: [DocumentSeen(source, content) for source, content in pairs]  # noqa: E731
    assert compare(seen(previous), seen(current)) == expected


def test_failed_documents_are_counted_among_those_read():
    current = [DocumentSeen(A, "1"), DocumentSeen(B, None, failed=True), DocumentSeen(C, "3", failed=True)]
    changes = compare([DocumentSeen(A, "1")], current)
    assert changes == DocumentChanges(added=2, unchanged=1, failed=2)
    assert changes.added + changes.changed + changes.unchanged == len(current)


def test_the_document_record_survives_a_round_trip(tmp_path):
    documents = [DocumentSeen(B, None, failed=True), DocumentSeen(A, "1"), DocumentSeen("报告/瑞安.txt", "2")]
    write_documents(tmp_path / ".state" / "documents.parquet", documents)
    assert read_documents(tmp_path / ".state" / "documents.parquet") == sorted(documents, key=lambda d: d.source_ref)


def test_no_record_before_the_first_build_or_when_it_is_unreadable(tmp_path):
    assert read_documents(tmp_path / "absent.parquet") == []
    (tmp_path / "broken.parquet").write_bytes(b"not parquet")
    assert read_documents(tmp_path / "broken.parquet") == []
