"""Transcription jobs: status, progress, timings, the private draft segments, audio file name.

Revision ID: 0005_transcriptions
Revises: 0004_threads
Created: 2026-11-22 03:44:51.111975
"""

import sqlalchemy as sa
from alembic import op

revision = '0005_transcriptions'
down_revision = '0004_threads'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('transcriptions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('progress', sa.Float(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('error', sa.String(length=300), nullable=True),
    sa.Column('audio_path', sa.String(length=200), nullable=True),
    sa.Column('keep_audio', sa.Boolean(), nullable=False),
    sa.Column('duration', sa.Float(), nullable=True),
    sa.Column('requested_language', sa.String(length=8), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('model', sa.String(length=120), nullable=True),
    sa.Column('segments', sa.JSON(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('queued_at', sa.DateTime(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('heartbeat_at', sa.DateTime(), nullable=True),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('edited_at', sa.DateTime(), nullable=True),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('load_seconds', sa.Float(), nullable=True),
    sa.Column('transcribe_seconds', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_transcriptions_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transcriptions'))
    )
    with op.batch_alter_table('transcriptions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transcriptions_expires_at'), ['expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_transcriptions_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_transcriptions_status'), ['status'], unique=False)


def downgrade():
    with op.batch_alter_table('transcriptions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transcriptions_status'))
        batch_op.drop_index(batch_op.f('ix_transcriptions_owner_id'))
        batch_op.drop_index(batch_op.f('ix_transcriptions_expires_at'))

    op.drop_table('transcriptions')
