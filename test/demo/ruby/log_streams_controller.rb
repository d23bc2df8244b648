# Log streams of a group (Rails).
class LogStreamsController < ApplicationController
  PAGE_SIZE = 40
  MAX_NAME_LENGTH = 64
  LOCK_TIMEOUT = 5 # seconds

  before_action :require_token

  def index
    streams = LogStream.where(group_id: params[:group_id]).limit(PAGE_SIZE)
    render json: streams, status: :ok
  end

  def create
    name = params.require(:name)
    if name.length > MAX_NAME_LENGTH
      return render json: { error: "name longer than #{MAX_NAME_LENGTH} characters" }, status: :bad_request
    end
    stream = LogStream.new(group_id: params[:group_id], name: name)
    if stream.save
      render json: stream, status: :created
    else
      render json: { errors: stream.errors.full_messages }, status: :unprocessable_entity
    end
  end

  def destroy
    stream = LogStream.find_by(id: params[:id])
    return head :not_found unless stream

    stream.with_lock("FOR UPDATE NOWAIT") { stream.destroy! }
    head :no_content
  rescue ActiveRecord::LockWaitTimeout
    render json: { error: 'the stream is busy, retry later' }, status: 503
  end

  private

  def require_token
    head :unauthorized if request.headers['X-Auth-Token'].blank?
  end
end
