"""Live threads: messages with per-thread sequence numbers, edit history, read state.

Revision ID: 0004_threads
Revises: 0003_moments
Created: 2026-11-22 03:12:53.526938
"""

import sqlalchemy as sa
from alembic import op

revision = '0004_threads'
down_revision = '0003_moments'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('thread_counters',
    sa.Column('excerpt_id', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['excerpt_id'], ['excerpts.id'], name=op.f('fk_thread_counters_excerpt_id_excerpts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('excerpt_id', name=op.f('pk_thread_counters'))
    )
    op.create_table('thread_states',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('excerpt_id', sa.Integer(), nullable=False),
    sa.Column('last_read_seq', sa.Integer(), nullable=False),
    sa.Column('following', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['excerpt_id'], ['excerpts.id'], name=op.f('fk_thread_states_excerpt_id_excerpts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_thread_states_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_thread_states')),
    sa.UniqueConstraint('user_id', 'excerpt_id', name=op.f('uq_thread_states_user_id'))
    )
    with op.batch_alter_table('thread_states', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_thread_states_excerpt_id'), ['excerpt_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_thread_states_user_id'), ['user_id'], unique=False)

    op.create_table('messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('excerpt_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('client_id', sa.String(length=64), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('moment_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('edited_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_messages_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['deleted_by_id'], ['users.id'], name=op.f('fk_messages_deleted_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['excerpt_id'], ['excerpts.id'], name=op.f('fk_messages_excerpt_id_excerpts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['moment_id'], ['moments.id'], name=op.f('fk_messages_moment_id_moments'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_messages')),
    sa.UniqueConstraint('excerpt_id', 'author_id', 'client_id', name='uq_messages_excerpt_id_author_id_client_id'),
    sa.UniqueConstraint('excerpt_id', 'seq', name='uq_messages_excerpt_id_seq')
    )
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_messages_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_messages_excerpt_id'), ['excerpt_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_messages_moment_id'), ['moment_id'], unique=False)

    # Excerpts posted before threads existed get their sequence counter here.
    op.execute(
        "INSERT INTO thread_counters (excerpt_id, last_seq) SELECT id, 0 FROM excerpts"
    )
    op.create_table('message_edits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('replaced_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_message_edits_message_id_messages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message_edits'))
    )
    with op.batch_alter_table('message_edits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_message_edits_message_id'), ['message_id'], unique=False)



def downgrade():
    with op.batch_alter_table('message_edits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_message_edits_message_id'))

    op.drop_table('message_edits')
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_messages_moment_id'))
        batch_op.drop_index(batch_op.f('ix_messages_excerpt_id'))
        batch_op.drop_index(batch_op.f('ix_messages_author_id'))

    op.drop_table('messages')
    with op.batch_alter_table('thread_states', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_thread_states_user_id'))
        batch_op.drop_index(batch_op.f('ix_thread_states_excerpt_id'))

    op.drop_table('thread_states')
    op.drop_table('thread_counters')
